import Drivers
import Foundation
import Platform
import Testing

/// NMEA fixes from a recorded log, read through a file descriptor as from a serial line.
@Suite struct NMEAReaderTests {
    @Test func theVesselLogGivesThirtyFixesAndRejectsItsDamagedLines() throws {
        var clockNanoseconds: UInt64 = 0
        let descriptor = open(Fixture.vesselLog, O_RDONLY)
        try #require(descriptor >= 0)
        let reader = NMEAStreamReader(
            fileDescriptor: descriptor, closesDescriptor: true,
            now: {
                clockNanoseconds += 1
                return clockNanoseconds
            })
        let fixes = try reader.readAll()
        #expect(fixes.count == 30)
        #expect(fixes.prefix(2).allSatisfy { $0.mode == .none && !$0.isUsable })
        let moving = Array(fixes.dropFirst(2))
        #expect(moving.count == 28 && moving.allSatisfy { $0.mode == .threeDimensional && $0.isUsable })

        let first = moving[0]
        #expect(first.utc?.iso8601 == "2025-03-14T10:15:02.000Z")
        #expect(abs(first.latitudeDegrees - 35.96) < 1e-9 && abs(first.longitudeDegrees - 14.58) < 1e-9)
        #expect(abs((first.altitudeMetres ?? 0) - 42.8) < 1e-9)  // 4.2 m above the geoid + 38.6 m separation
        #expect(first.satellitesUsed == 7 && first.source == .nmea)
        // No GST yet for this epoch's predecessor: the accuracy comes from HDOP (2DRMS, σUERE 7 m).
        #expect(abs((first.horizontalAccuracyMetres ?? 0) - 2 * 0.92 * 7) < 1e-9)
        // Then from the previous epoch's GST: 2.4477 × max(2.9 m, 2.4 m).
        #expect(abs((moving[1].horizontalAccuracyMetres ?? 0) - 2.447_746_830_680_816 * 2.9) < 1e-9)
        // South-west at 12 knots: 6.17 m per second, both coordinates falling.
        for (earlier, later) in zip(moving, moving.dropFirst()) {
            #expect(later.latitudeDegrees < earlier.latitudeDegrees && later.longitudeDegrees < earlier.longitudeDegrees)
            #expect((later.utc?.secondsSinceUnixEpoch ?? 0) - (earlier.utc?.secondsSinceUnixEpoch ?? 0) == 1)
        }

        // Two comment lines (not sentences on a serial line), a GGA with a flipped character,
        // an RMC cut short.
        #expect(reader.rejectedLineCount == 4)
        #expect(reader.recentRejections.map(\.sentence).suffix(2) == ["GPGGA", "GPRMC"])
        guard case .badChecksum = reader.recentRejections[2], case .missingChecksum = reader.recentRejections[3] else {
            Issue.record("unexpected rejections: \(reader.recentRejections)")
            return
        }
        #expect(throws: GNSSError.endOfInput) { _ = try reader.readFixes(timeout: .zero) }
    }

    @Test func theDateRollsOverAtMidnightAndAVoidRMCMeansNoFix() {
        var assembler = NMEAFixAssembler()
        let rmc = NMEARMC(
            timeOfDaySeconds: 86_399, isValid: true, latitudeDegrees: 1, longitudeDegrees: 2, daysSinceUnixEpoch: 20_000)
        var gga = NMEAGGA(
            timeOfDaySeconds: 0.5, latitudeDegrees: 1, longitudeDegrees: 2, quality: 1, satellitesUsed: 9, horizontalDilution: 1,
            altitudeAboveMeanSeaLevelMetres: nil, geoidSeparationMetres: nil)
        _ = assembler.consume(.rmc(rmc), receivedAtNanoseconds: 1)
        let fix = assembler.consume(.gga(gga), receivedAtNanoseconds: 2)
        #expect(fix?.utc == UTCInstant(nanosecondsSinceUnixEpoch: 20_001 * 86_400 * 1_000_000_000 + 500_000_000))
        #expect(fix?.mode == .twoDimensional && fix?.altitudeMetres == nil)
        var void = rmc
        void.isValid = false
        void.timeOfDaySeconds = 10
        gga.timeOfDaySeconds = 10
        _ = assembler.consume(.rmc(void), receivedAtNanoseconds: 3)
        #expect(assembler.consume(.gga(gga), receivedAtNanoseconds: 4)?.mode == GNSSFixMode.none)
    }

    @Test func accuracyIsNeverUnderstated() {
        #expect(GNSSFix.horizontalAccuracy95(eph: 17.67, epx: 26.003, epy: 19.779) ?? 0 > 32.4)
        #expect(GNSSFix.horizontalAccuracy95(eph: 1899.81, epx: nil, epy: nil) == 1899.81)
        #expect(GNSSFix.horizontalAccuracy95(eph: nil, epx: nil, epy: nil) == nil)
        #expect(GNSSFix.horizontalAccuracy95(sigmaLatitudeMetres: 1, sigmaLongitudeMetres: 3) > 7.3)
    }
}
