import Foundation
import Testing

@testable import Orbit

/// Writing element sets back as TLE lines.
@Suite("TLE formatting")
struct TLEFormattingTests {
    @Test("the Starlink snapshot round-trips character for character")
    func starlinkRoundTrip() throws {
        let text = try String(contentsOfFile: SGP4StarlinkTests.snapshotPath, encoding: .utf8)
        let lines = text.split(separator: "\r\n").map(String.init)
        let loaded = try ElementSetFile.load(path: SGP4StarlinkTests.snapshotPath, strict: true)
        try #require(lines.count == 3 * loaded.sets.count)
        var mismatches = 0
        for (index, set) in loaded.sets.enumerated() {
            let (line1, line2) = try set.tleLines()
            if line1 != lines[3 * index + 1] || line2 != lines[3 * index + 2] {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("\(set.catalogNumber):\n\(line1)\n\(lines[3 * index + 1])\n\(line2)\n\(lines[3 * index + 2])")
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("formatted lines parse back to the same elements")
    func reparse() throws {
        let sets = try ElementSetFile.load(path: SGP4VerificationTests.resource("TLE-sample.tle").path, strict: true).sets
        for set in sets {
            let text = try set.tleText(lineEnding: "\r\n")
            let again = try #require(try ElementSetFile.parse(text, options: .init(strict: true)).sets.first)
            #expect(again == set)
        }
    }

    @Test("Alpha-5 numbers, OMM designators and exponents are written in TLE form")
    func conversions() throws {
        let omm = try ElementSetFile.load(path: SGP4VerificationTests.resource("OMM-sample.json").path, strict: true).sets
        var set = try #require(omm.first)
        set.catalogNumber = 270_001
        set.bstar = -0.000011606
        set.meanMotionDDot = 1.2345e-9
        let (line1, line2) = try set.tleLines()
        #expect(line1 == "1 T0001U 19074B   26234.17284867  .00077595  12345-8 -11606-4 0  9997")
        #expect(line2.hasPrefix("2 T0001  53.1481 110.2629 0005172  75.9267 284.2321 15.61165912374481".prefix(68)))
        let parsed = try ElementSet(tleLine1: line1, tleLine2: line2)
        #expect(parsed.catalogNumber == 270_001)
        #expect(parsed.internationalDesignator == "19074B")
    }

    @Test("values that do not fit are refused with the columns they would take")
    func notRepresentable() throws {
        let base = try #require(
            try ElementSetFile.load(path: SGP4VerificationTests.resource("TLE-sample.tle").path).sets.first)
        var tooLarge = base
        tooLarge.catalogNumber = 340_000
        var fastDecay = base
        fastDecay.meanMotionDot = 1.5
        var future = base
        future.epoch = JulianDate(year: 2057, month: 1, day: 1)
        var longDesignator = base
        longDesignator.internationalDesignator = "2019-074ABCD"
        for (set, columns) in [(tooLarge, 3...7), (fastDecay, 34...43), (future, 19...32), (longDesignator, 10...17)] {
            #expect {
                try set.tleLines()
            } throws: { error in
                (error as? ElementSetError)?.columns == columns
            }
        }
    }
}
