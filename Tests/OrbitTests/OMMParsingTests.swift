import Foundation
import Testing

@testable import Orbit

/// CelesTrak OMM in JSON and CSV against the same element sets as TLE.
///
/// The fixtures (Resources/TLE-sample.tle, OMM-sample.json, OMM-sample.csv) hold seven sets
/// of the 2026-08-22 Starlink snapshot, chosen for non-zero n̈/6 and negative ṅ/2 and B*.
/// The OMM files were written from the TLE fields with exact decimal arithmetic, in
/// CelesTrak's layout (EPOCH to the microsecond, which is exact for a TLE's 1e-8 day).
@Suite("OMM parsing")
struct OMMParsingTests {
    static func load(_ name: String) throws -> LoadedElementSets {
        try ElementSetFile.load(path: SGP4VerificationTests.resource(name).path, strict: true)
    }

    /// "2019-074B" (OMM) and "19074B" (TLE) name the same launch piece.
    static func tleDesignator(_ omm: String) -> String {
        guard omm.count >= 9, omm.dropFirst(4).first == "-" else { return omm }
        return String(omm.dropFirst(2).prefix(2)) + String(omm.dropFirst(5))
    }

    @Test("JSON and CSV give the elements of the equivalent TLE", arguments: ["OMM-sample.json", "OMM-sample.csv"])
    func sameAsTLE(file: String) throws {
        let tle = try Self.load("TLE-sample.tle").sets
        let omm = try Self.load(file).sets
        try #require(tle.count == 7)
        try #require(omm.count == tle.count)
        for (a, b) in zip(tle, omm) {
            #expect(a.name == b.name)
            #expect(a.catalogNumber == b.catalogNumber)
            #expect(a.classification == b.classification)
            #expect(a.internationalDesignator == Self.tleDesignator(b.internationalDesignator))
            #expect(abs(a.epoch.minutes(since: b.epoch)) < 1e-9, "\(a.catalogNumber) epoch")
            #expect(a.meanMotionRevsPerDay == b.meanMotionRevsPerDay)
            #expect(a.eccentricity == b.eccentricity)
            #expect(a.inclinationDegrees == b.inclinationDegrees)
            #expect(a.raanDegrees == b.raanDegrees)
            #expect(a.argumentOfPerigeeDegrees == b.argumentOfPerigeeDegrees)
            #expect(a.meanAnomalyDegrees == b.meanAnomalyDegrees)
            #expect(a.meanMotionDot == b.meanMotionDot)
            // TLE exponent fields are mantissa × 10^e: equal to the decimal within an ulp.
            #expect(abs(a.bstar - b.bstar) <= abs(a.bstar) * 1e-15)
            #expect(abs(a.meanMotionDDot - b.meanMotionDDot) <= abs(a.meanMotionDDot) * 1e-15)
            #expect(a.ephemerisType == b.ephemerisType)
            #expect(a.elementSetNumber == b.elementSetNumber)
            #expect(a.revolutionNumberAtEpoch == b.revolutionNumberAtEpoch)

            let fromTLE = try SGP4Propagator(elements: a).propagate(minutesSinceEpoch: 1440)
            let fromOMM = try SGP4Propagator(elements: b).propagate(to: a.epoch.adding(days: 1))
            let dr = fromTLE.positionKilometres - fromOMM.positionKilometres
            #expect((dr * dr).sum().squareRoot() < 1e-6, "\(a.catalogNumber)")
        }
    }

    @Test("JSON values given as strings (Space-Track style) and a single object")
    func stringsAndSingleObject() throws {
        let json = """
            {"OBJECT_NAME":"STARLINK-1008","OBJECT_ID":"2019-074B","EPOCH":"2026-08-22T04:08:54.125088Z",
             "MEAN_MOTION":"15.61165912","ECCENTRICITY":"0.0005172","INCLINATION":"53.1481",
             "RA_OF_ASC_NODE":"110.2629","ARG_OF_PERICENTER":"75.9267","MEAN_ANOMALY":"284.2321",
             "EPHEMERIS_TYPE":"0","CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":"44714","ELEMENT_SET_NO":"999",
             "REV_AT_EPOCH":"37448","BSTAR":"8.9842E-4","MEAN_MOTION_DOT":"0.00077595","MEAN_MOTION_DDOT":"0"}
            """
        let loaded = try ElementSetFile.parse(json, source: "one.json", options: ElementSetParsingOptions(strict: true))
        let set = try #require(loaded.sets.first)
        let tle = try Self.load("TLE-sample.tle").sets[0]
        #expect(set.bstar == 0.00089842)
        #expect(set.meanMotionRevsPerDay == tle.meanMotionRevsPerDay)
        #expect(set.epoch == JulianDate(year: 2026, month: 8, day: 22, hour: 4, minute: 8, second: 54.125088))
    }

    @Test("bad OMM records are reported by record and keyword; the good ones load")
    func badRecords() throws {
        let good = try String(contentsOf: SGP4VerificationTests.resource("OMM-sample.json"), encoding: .utf8)
        let objects = good.split(separator: "\n").map { String($0.trimmingPrefix("[").dropLast()) }
        let first = objects[0]
        let broken = [
            first.replacingOccurrences(of: "\"EPOCH\":\"2026-08-22T04:08:54.125088\"", with: "\"EPOCH\":\"2026-02-30T04:08:54\""),
            first.replacingOccurrences(of: "\"MEAN_MOTION\":15.61165912,", with: ""),
            first.replacingOccurrences(of: "\"ECCENTRICITY\":0.0005172", with: "\"ECCENTRICITY\":\"0.5x\""),
            first.replacingOccurrences(of: "\"INCLINATION\":53.1481", with: "\"INCLINATION\":190"),
            "42",
        ]
        let text = "[" + ([first] + broken).joined(separator: ",\n") + "]"
        let loaded = try ElementSetFile.parse(text, source: "bad.json")
        #expect(loaded.sets.count == 1)
        #expect(
            loaded.errors.map(\.description) == [
                "bad.json: record 2 (EPOCH): not an ISO-8601 date: \"2026-02-30T04:08:54\"",
                "bad.json: record 3 (MEAN_MOTION): missing field",
                "bad.json: record 4 (ECCENTRICITY): not a number: \"0.5x\"",
                "bad.json: record 5 (INCLINATION): out of range: 190.0 (allowed: 0 to 180)",
                "bad.json: record 6 (record): malformed: not a JSON object",
            ])
    }

    @Test("malformed JSON and CSV do not crash")
    func malformed() throws {
        #expect(throws: ElementSetError.self) { try ElementSetFile.parse("[{\"EPOCH\": ", source: "cut.json") }
        #expect(throws: ElementSetError.self) { try ElementSetFile.parse("{}", source: "o.json", options: .init(strict: true)) }
        let csv = try String(contentsOf: SGP4VerificationTests.resource("OMM-sample.csv"), encoding: .utf8)
        var lines = csv.split(separator: "\r\n").map(String.init)
        lines[2] = String(lines[2].prefix(40))  // a row cut short
        lines[3] = lines[3].replacingOccurrences(of: "STARLINK-1067", with: "\"STARLINK, 1067\"")
        lines[4] = "\"unbalanced"
        let loaded = try ElementSetFile.parse(lines.joined(separator: "\n"), source: "x.csv")
        #expect(loaded.sets.count == 5)
        #expect(loaded.sets[1].name == "STARLINK, 1067")
        #expect(loaded.errors.map(\.line) == [3, 5])
    }

    @Test(
        "ISO-8601 epochs",
        arguments: [
            "2026-08-22T04:08:54.125088", "2026-08-22T04:08:54.125088Z", "2026-08-22 04:08:54.125088",
        ])
    func epochs(text: String) throws {
        let date = try #require(OMMEpoch.julianDate(text))
        #expect(date == JulianDate(year: 2026, month: 8, day: 22, hour: 4, minute: 8, second: 54.125088))
    }

    @Test(
        "not ISO-8601 epochs",
        arguments: [
            "", "2026-08-22", "2026-13-01T00:00:00", "2026-02-29T00:00:00", "2026-08-22T24:00:00",
            "2026-08-22T04:08:54.", "2026-08-22T04:08:5x", "2026/08/22T04:08:54", "2026-08-22T04:08:54+01:00",
        ])
    func badEpochs(text: String) {
        #expect(OMMEpoch.julianDate(text) == nil)
    }

    /// Issue 14: on Linux a JSON `0` or `1` answers `is Bool`, so `"BSTAR": 0` (a real
    /// value: no drag term) and `"ECCENTRICITY": 0`, `"INCLINATION": 1`, `"NORAD_CAT_ID": 1`
    /// were reported as missing fields.
    @Test func zeroAndOneAreNumbersNotBooleans() throws {
        let json = """
            [{"OBJECT_NAME":"ZERO-ONE","OBJECT_ID":"2019-074B","EPOCH":"2026-08-22T04:08:54.125088","MEAN_MOTION":15.5,
              "ECCENTRICITY":0,"INCLINATION":1,"RA_OF_ASC_NODE":1,"ARG_OF_PERICENTER":0,"MEAN_ANOMALY":0,
              "EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":1,"ELEMENT_SET_NO":1,"REV_AT_EPOCH":1,
              "BSTAR":0,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0}]
            """
        let loaded = try ElementSetFile.parse(json, source: "zero-one.json", options: .init(strict: true))
        let set = try #require(loaded.sets.first, "\(loaded.errors)")
        #expect(set.catalogNumber == 1)
        #expect(set.eccentricity == 0)
        #expect(set.inclinationDegrees == 1)
        #expect(set.bstar == 0)
    }

    /// A JSON `true` where a number belongs is still not a number.
    @Test func aBooleanIsNotANumber() throws {
        let json = """
            [{"OBJECT_NAME":"T","OBJECT_ID":"2019-074B","EPOCH":"2026-08-22T04:08:54.125088","MEAN_MOTION":15.5,
              "ECCENTRICITY":true,"INCLINATION":53,"RA_OF_ASC_NODE":1,"ARG_OF_PERICENTER":0,"MEAN_ANOMALY":0,
              "NORAD_CAT_ID":7,"BSTAR":0}]
            """
        let loaded = try ElementSetFile.parse(json, source: "t.json")
        #expect(loaded.sets.isEmpty)
        #expect(loaded.errors.contains { $0.field == "ECCENTRICITY" }, "\(loaded.errors)")
    }

    /// Issue 14: a JSON syntax error says where, as an editor counts, not 120 characters of
    /// Foundation's error text.
    @Test func aSyntaxErrorHasItsLineAndColumn() {
        do {
            _ = try ElementSetFile.parse("[\n{\"A\": 1,\n \"B\": }]", source: "broken.json")
            Issue.record("broken JSON must be refused")
        } catch {
            #expect("\(error)".contains("line 3, column 7"), "\(error)")
            #expect(!"\(error)".contains("NSCocoaErrorDomain"), "\(error)")
        }
    }
}
