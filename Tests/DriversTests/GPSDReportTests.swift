import Testing

@testable import Drivers

/// gpsd's JSON reports, line by line: what becomes a fix, what is rejected, and how.
@Suite struct GPSDReportTests {
    func report(_ text: String) throws -> GPSDReport { try GPSDReport.decode(Array(text.utf8)[...]) }

    @Test func aTPVFromGpsdBecomesAFix() throws {
        // As gpsd 3.22 wrote it while gpsfake replayed vessel_valletta.nmea.
        let line = """
            {"class":"TPV","device":"/dev/pts/1","mode":3,"time":"2025-03-14T10:15:04.000Z","ept":0.005,\
            "lat":35.959921667,"lon":14.579903333,"altHAE":42.8000,"altMSL":4.2000,"alt":4.2000,"epx":26.003,\
            "epy":19.779,"epv":29.900,"track":225.0000,"speed":6.173,"geoidSep":38.600,"eph":17.670,"sep":30.400}
            """
        let fix = try #require(try report(line).fix(satellitesUsed: 7, receivedAtNanoseconds: 99))
        #expect(fix.mode == .threeDimensional && fix.isUsable && fix.source == .gpsd)
        #expect(fix.utc?.iso8601 == "2025-03-14T10:15:04.000Z")
        #expect(fix.latitudeDegrees == 35.959921667 && fix.longitudeDegrees == 14.579903333)
        #expect(fix.altitudeMetres == 42.8 && fix.satellitesUsed == 7 && fix.receivedAtNanoseconds == 99)
        #expect(abs((fix.horizontalAccuracyMetres ?? 0) - 26.003 * 2.447_746_830_680_816 / 1.959_963_984_540_054) < 1e-9)
    }

    /// The input `make fuzz-smoke` found: a TPV dated 9999 trapped on an arithmetic overflow.
    /// Now it is a report with an impossible time: rejected with its typed error, and counted.
    @Test func aTPVDatedBeyond2262IsRejectedNotACrash() throws {
        let line = #"{"class":"TPV","device":"/dev/ttyACM0","mode":3,"time":"9999-12-31T23:59:59.000Z","lat":-33.9,"lon":18.4,"alt":10}"#
        #expect(throws: GPSDError.invalidValue(reportClass: "TPV", field: "time")) {
            try report(line).fix(satellitesUsed: nil, receivedAtNanoseconds: 1)
        }
    }

    @Test func noFixAndSkyReports() throws {
        let none = try #require(
            try report(#"{"class":"TPV","device":"/dev/pts/1","mode":1}"#).fix(satellitesUsed: nil, receivedAtNanoseconds: 1))
        #expect(none.mode == .none && !none.isUsable && none.utc == nil)
        let unseen = try report(#"{"class":"TPV","mode":0}"#).fix(satellitesUsed: nil, receivedAtNanoseconds: 1)
        #expect(unseen?.mode == GNSSFixMode.none)
        // gpsd 3.22 sends partial TPVs (only error estimates) between full ones: no fix, no error.
        let partial = #"{"class":"TPV","device":"/dev/pts/1","mode":3,"epv":29.900,"eph":17.290,"sep":30.400}"#
        #expect(try report(partial).fix(satellitesUsed: nil, receivedAtNanoseconds: 1) == nil)
        let sky = try report(
            #"{"class":"SKY","satellites":[{"PRN":2,"used":true},{"PRN":5,"used":false},{"PRN":9,"used":true}]}"#)
        #expect(sky.satellitesUsed == 2)
        #expect(try report(#"{"class":"SKY","uSat":7,"satellites":[]}"#).satellitesUsed == 7)
        #expect(try report(#"{"class":"VERSION","release":"3.22","proto_major":3}"#).release == "3.22")
    }

    @Test func garbageAndImpossibleValuesAreRejectedWithTypedErrors() throws {
        for garbage in [
            "", "not json", "{\"class\":", "[1,2,3]", "{\"mode\":3}", "{\"class\":\"TPV\",\"mode\":\"3\"}", "\u{0}\u{1}{}",
        ] {
            let error = #expect(throws: GPSDError.self) { _ = try report(garbage) }
            guard case .malformedJSON? = error else {
                Issue.record("\(garbage): \(String(describing: error))")
                continue
            }
        }
        let cases: [(String, String)] = [
            (#"{"class":"TPV","mode":3,"lat":91.0,"lon":14.5}"#, "lat"),
            (#"{"class":"TPV","mode":3,"lat":35.0,"lon":-180.5}"#, "lon"),
            (#"{"class":"TPV","mode":3,"lat":35.0,"lon":14.0,"eph":-1}"#, "eph"),
            (#"{"class":"TPV","mode":3,"time":"yesterday","lat":35.0,"lon":14.0}"#, "time"),
        ]
        for (line, field) in cases {
            #expect(throws: GPSDError.invalidValue(reportClass: "TPV", field: field)) {
                _ = try report(line).fix(satellitesUsed: nil, receivedAtNanoseconds: 0)
            }
        }
    }
}
