import Drivers
import Platform
import RealTime
import Testing

/// NMEA 0183 sentences: checksums, fields, and every way a line is rejected.
@Suite struct NMEAParserTests {
    /// `$body*hh` with the right checksum.
    static func sentence(_ body: String) -> String {
        let checksum = body.utf8.reduce(UInt8(0), ^)
        let hex = String(checksum, radix: 16, uppercase: true)
        return "$" + body + "*" + (hex.count < 2 ? "0" : "") + hex
    }

    func expectRejection(_ line: String, _ expected: NMEAError, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: NMEAError.self, sourceLocation: sourceLocation) { _ = try NMEAParser.parse(line) }
        #expect(error == expected, sourceLocation: sourceLocation)
    }

    @Test func aGGAFromAReceiverParsesFieldByField() throws {
        // u-blox 8 style, checksum as the receiver sent it.
        let line = "$GPGGA,092750.000,5321.6802,N,00630.3372,W,1,8,1.03,61.7,M,55.2,M,,*76"
        guard case .gga(let gga) = try NMEAParser.parse(line + "\r\n") else {
            Issue.record("not a GGA")
            return
        }
        #expect(gga.timeOfDaySeconds == 9 * 3600 + 27 * 60 + 50)
        #expect(abs(try #require(gga.latitudeDegrees) - (53 + 21.6802 / 60)) < 1e-12)
        #expect(abs(try #require(gga.longitudeDegrees) + (6 + 30.3372 / 60)) < 1e-12)
        #expect(gga.quality == 1 && gga.satellitesUsed == 8 && gga.horizontalDilution == 1.03)
        #expect(gga.altitudeAboveMeanSeaLevelMetres == 61.7 && gga.geoidSeparationMetres == 55.2)
    }

    @Test func rmcGsaGstAndOthersParse() throws {
        guard
            case .rmc(let rmc) = try NMEAParser.parse(
                Self.sentence("GNRMC,235959.50,A,3557.6000,N,01434.8000,E,12.0,225.0,311299,,,A"))
        else {
            Issue.record("not an RMC")
            return
        }
        #expect(rmc.isValid && rmc.timeOfDaySeconds == 86_399.5)
        #expect(rmc.daysSinceUnixEpoch == 10_956)  // 1999-12-31
        guard case .gsa(let gsa) = try NMEAParser.parse(Self.sentence("GPGSA,A,2,02,05,12,,,,,,,,,,2.1,1.9,0.9")) else {
            Issue.record("not a GSA")
            return
        }
        #expect(gsa.fixType == 2 && gsa.satellitesUsed == 3 && gsa.horizontalDilution == 1.9)
        guard case .gst(let gst) = try NMEAParser.parse(Self.sentence("GPGST,101502.00,2.1,3.4,2.2,28.0,2.9,2.4,4.8")) else {
            Issue.record("not a GST")
            return
        }
        #expect(gst.sigmaLatitudeMetres == 2.9 && gst.sigmaLongitudeMetres == 2.4)
        #expect(try NMEAParser.parse(Self.sentence("GPGSV,1,1,01,02,61,045,44")) == .other("GPGSV"))
    }

    @Test func damagedLinesAreRejectedNamingTheSentence() {
        let good = Self.sentence("GPGGA,101502.00,3557.6000,N,01434.8000,E,1,07,0.92,4.2,M,38.6,M,,")
        var flipped = Array(good.utf8)
        flipped[20] ^= 0x01
        let computed = Array(flipped[1..<(flipped.count - 3)]).reduce(UInt8(0), ^)
        expectRejection(
            String(decoding: flipped, as: UTF8.self),
            .badChecksum(sentence: "GPGGA", declared: UInt8(good.suffix(2), radix: 16) ?? 0, computed: computed))
        expectRejection(String(good.prefix(30)), .missingChecksum(sentence: "GPGGA"))
        expectRejection("GPGGA,1,2,3*00", .notASentence(linePrefix: "GPGGA,1,2,3*00"))
        expectRejection("", .notASentence(linePrefix: ""))
        expectRejection("$GPRMC,1\u{7}23*00", .nonASCII(sentence: "GPRMC"))
        expectRejection("$GPZDA," + String(repeating: "9", count: 200) + "*00", .tooLong(sentence: "GPZDA", byteCount: 210))
        expectRejection(
            Self.sentence("GPGGA,101502.00,3557.6000,N"), .missingFields(sentence: "GPGGA", fieldCount: 4, needed: 15))
        expectRejection(
            Self.sentence("GPGGA,101502.00,9157.6000,N,01434.8000,E,1,07,0.92,4.2,M,38.6,M,,"),
            .malformedField(sentence: "GPGGA", field: "latitude", value: "9157.6000"))
        expectRejection(
            Self.sentence("GPGGA,101502.00,3557.6000,Q,01434.8000,E,1,07,0.92,4.2,M,38.6,M,,"),
            .malformedField(sentence: "GPGGA", field: "latitude hemisphere", value: "Q"))
        expectRejection(
            Self.sentence("GPRMC,251502.00,A,3557.6000,N,01434.8000,E,12.0,225.0,140325,,,A"),
            .malformedField(sentence: "GPRMC", field: "time", value: "251502.00"))
        expectRejection(
            Self.sentence("GPRMC,101502.00,A,3557.6000,N,01434.8000,E,12.0,225.0,310225,,,A"),
            .malformedField(sentence: "GPRMC", field: "date", value: "310225"))
        expectRejection(
            Self.sentence("GPGGA,101502.00,3557.6000,N,01434.8000,E,1,07,nan,4.2,M,38.6,M,,"),
            .malformedField(sentence: "GPGGA", field: "HDOP", value: "nan"))
    }

    /// Noise never traps and is never taken for a fix: random bytes (seeded, so a failure
    /// reproduces), every truncation and every single-byte change of a valid sentence are each
    /// rejected with an `NMEAError` that says what is wrong; a change inside the checksummed
    /// body to another printable byte is caught by the checksum.
    @Test func noiseNeverCrashesTheParser() {
        var generator = SplitMix64(seed: 0x4E4D_4541)
        var accepted = 0
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<120, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if Bool.random(using: &generator) { bytes.insert(UInt8(ascii: "$"), at: 0) }
            do {
                _ = try NMEAParser.parse(bytes[...])
                accepted += 1
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(accepted == 0, "random bytes parsed as a sentence")
        let good = Array(Self.sentence("GPGGA,101502.00,3557.6000,N,01434.8000,E,1,07,0.92,4.2,M,38.6,M,,").utf8)
        let star = good.firstIndex(of: UInt8(ascii: "*"))!
        #expect(throws: Never.self) { _ = try NMEAParser.parse(good[...]) }
        for cut in 0..<good.count {
            #expect(throws: NMEAError.self, "cut at \(cut)") { _ = try NMEAParser.parse(good[0..<cut]) }
        }
        for index in good.indices {
            for value: UInt8 in [0, 0x2A, 0x2C, 0x2E, 0x2D, 0x39, 0x7F, 0xFF] where good[index] != value {
                var damaged = good
                damaged[index] = value
                let error = #expect(throws: NMEAError.self, "byte \(index) → \(value)") { _ = try NMEAParser.parse(damaged[...]) }
                if index > 0, index < star, (0x20..<0x7F).contains(value), value != UInt8(ascii: "*") {
                    guard case .badChecksum = error else {
                        Issue.record("byte \(index) → \(value): \(String(describing: error)), not a checksum error")
                        continue
                    }
                }
            }
        }
    }

    /// gpsd's times run to year 9999 and 64-bit nanoseconds to 2262: a time beyond is no time,
    /// not a crash (`make fuzz-smoke`'s FuzzGPSD found the arithmetic-overflow trap).
    @Test func timesBeyondWhatNanosecondsCountAreNoTime() throws {
        #expect(UTCInstant(iso8601: "9999-12-31T23:59:59.000Z") == nil)
        #expect(UTCInstant(iso8601: "2262-04-11T23:47:17Z") == nil)
        #expect(UTCInstant(iso8601: "2262-04-11T23:47:16Z")?.iso8601 == "2262-04-11T23:47:16.000Z")
        #expect(UTCInstant(iso8601: "1677-09-21T00:12:43Z") == nil)
        #expect(UTCInstant(iso8601: "1677-09-21T00:12:44Z")?.iso8601 == "1677-09-21T00:12:44.000Z")
        #expect(UTCInstant(nanosecondsSinceUnixEpoch: .min).iso8601 == "1677-09-21T00:12:43.145Z")
        #expect(UTCInstant(nanosecondsSinceUnixEpoch: .max).iso8601 == "2262-04-11T23:47:16.854Z")
    }

    @Test func utcInstantsConvertBothWays() throws {
        let instant = try #require(
            UTCInstant(year: 2025, month: 3, day: 14, hour: 10, minute: 15, second: 2, nanoseconds: 250_000_000))
        #expect(instant.nanosecondsSinceUnixEpoch == 1_741_947_302_250_000_000)
        #expect(instant.iso8601 == "2025-03-14T10:15:02.250Z")
        #expect(UTCInstant(iso8601: "2025-03-14T10:15:02.250Z") == instant)
        #expect(UTCInstant(iso8601: "2025-03-14T10:15:02Z")?.nanosecondsSinceUnixEpoch == 1_741_947_302_000_000_000)
        #expect(UTCInstant(iso8601: "2024-02-29T23:59:60.5Z")?.iso8601 == "2024-03-01T00:00:00.500Z")
        for bad in ["", "2025-02-29T00:00:00Z", "2025-03-14 10:15:02Z", "2025-03-14T10:15:02.Z", "2025-13-01T00:00:00Z"] {
            #expect(UTCInstant(iso8601: bad) == nil, "\(bad)")
        }
        #expect(UTCInstant(secondsSinceUnixEpoch: -1).iso8601 == "1969-12-31T23:59:59.000Z")
    }
}
