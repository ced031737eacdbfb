import Foundation
import Testing

@testable import Orbit

/// Whole-file reading: 2- and 3-line layouts, line endings, lenient and strict modes, and
/// inputs that must not crash or grow memory (empty, truncated, garbage).
@Suite("Element-set files")
struct ElementSetFileTests {
    static let name = "STARLINK-1008           "
    static let line1 = TLEParsingTests.starlinkLine1
    static let line2 = TLEParsingTests.starlinkLine2
    static let otherLine1 = "1 44718U 19074F   26234.61583504  .00083287  00000+0  94674-3 0  9994"
    static let otherLine2 = "2 44718  53.1504 108.3906 0001607 127.2284 232.8877 15.61625202374541"

    static func resourcePath(_ name: String) throws -> String {
        try SGP4VerificationTests.resource(name).path
    }

    @Test("2-line and 3-line sets, LF and CRLF, names with and without \"0 \"", arguments: ["\n", "\r\n"])
    func layouts(ending: String) throws {
        let text =
            [
                Self.name, Self.line1, Self.line2, "0 STARLINK-1012", Self.otherLine1, Self.otherLine2,
                Self.line1, Self.line2,
            ].joined(separator: ending) + ending
        let loaded = try ElementSetFile.parse(text, source: "mixed.tle")
        #expect(loaded.errors.isEmpty)
        #expect(loaded.sets.map(\.name) == ["STARLINK-1008", "STARLINK-1012", ""])
        #expect(loaded.sets.map(\.catalogNumber) == [44714, 44718, 44714])
        // No newline at the end of the file.
        let unterminated = try ElementSetFile.parse(Self.line1 + ending + Self.line2, source: "x.tle")
        #expect(unterminated.sets.count == 1)
    }

    @Test("lenient mode keeps the good sets and lists the bad ones with their lines")
    func lenient() throws {
        let badChecksum = TLEParsingTests.edit(Self.line2, columns: 69...69, with: "0", fixChecksum: false)
        let badEpoch = TLEParsingTests.edit(Self.otherLine1, columns: 19...32, with: "26A33.5       ")
        let text = [
            "STARLINK-1008", Self.line1, badChecksum,  // lines 1-3: rejected (checksum)
            "STARLINK-1012", badEpoch, Self.otherLine2,  // lines 4-6: rejected (epoch)
            "STARLINK-1008", Self.line1, Self.line2,  // lines 7-9: good
            Self.line2,  // line 10: line 2 without line 1
            "SOMETHING ELSE", "MORE NOISE",  // lines 11-12: one stray, then a name that names…
            Self.otherLine1,  // line 13: …a line 1 left without its line 2
        ].joined(separator: "\n")
        let loaded = try ElementSetFile.parse(text, source: "starlink.tle")
        #expect(loaded.sets.map(\.catalogNumber) == [44714])
        #expect(loaded.errorCount == 5)
        #expect(
            loaded.errors.map(\.description) == [
                "starlink.tle:3: column 69 (checksum): checksum mismatch: line sums to 1, column 69 holds \"0\"",
                "starlink.tle:5: columns 19-32 (epoch): not a number: \"26A33.5\"",
                "starlink.tle:10: line 2 without a line 1 before it",
                "starlink.tle:11: not part of an element set: \"SOMETHING ELSE\"",
                "starlink.tle:13: line 1 is not followed by a line 2",
            ])
    }

    @Test("strict mode throws the first problem")
    func strict() throws {
        let text = [Self.line1, Self.line2, Self.otherLine1, String(Self.otherLine2.prefix(50))].joined(separator: "\n")
        #expect(throws: ElementSetError(source: "s.tle", line: 4, reason: .lineTooShort(length: 50))) {
            try ElementSetFile.parse(text, source: "s.tle", options: ElementSetParsingOptions(strict: true))
        }
        // The same text read leniently keeps the first set.
        #expect(try ElementSetFile.parse(text, source: "s.tle").sets.count == 1)
    }

    @Test("the verification file: three sets with bad checksums are rejected, naming column 69")
    func verificationFileChecksums() throws {
        let path = try Self.resourcePath("SGP4-VER.TLE")
        let loaded = try ElementSetFile.load(path: path)
        #expect(loaded.sets.count == 30)
        #expect(loaded.errors.count == 3)
        #expect(loaded.errors.allSatisfy { $0.columns == 69...69 && $0.source == "SGP4-VER.TLE" })
        #expect(throws: ElementSetError.self) { try ElementSetFile.load(path: path, strict: true) }
        let unchecked = try ElementSetFile.load(
            path: path, options: ElementSetParsingOptions(verifiesChecksums: false))
        #expect(unchecked.sets.count == 33)
        #expect(unchecked.errors.isEmpty)
    }

    @Test("empty and blank inputs report that there are no element sets", arguments: ["", "\n\n  \r\n", "\u{FEFF}"])
    func empty(text: String) throws {
        let loaded = try ElementSetFile.parse(text, source: "empty.tle")
        #expect(loaded.sets.isEmpty)
        #expect(loaded.errors == [ElementSetError(source: "empty.tle", reason: .noElementSets)])
        #expect(throws: ElementSetError.self) {
            try ElementSetFile.parse(text, source: "empty.tle", options: ElementSetParsingOptions(strict: true))
        }
    }

    @Test("a missing file is an error, not a crash")
    func missingFile() {
        #expect(throws: ElementSetError.self) { try ElementSetFile.load(path: "/nonexistent/none.tle") }
        #expect(throws: ElementSetError.self) { try ElementSetFile.load(path: NSTemporaryDirectory()) }
    }

    /// Deterministic pseudo-random bytes (SplitMix64), so failures reproduce.
    static func garbage(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var words = [UInt64](repeating: 0, count: (count + 7) / 8)
        words.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                buffer[index] = z ^ (z >> 31)
            }
        }
        return words.withUnsafeBytes { Array($0.prefix(count)) }
    }

    @Test("50 MB of garbage: bounded errors, no crash, good sets around it still load")
    func garbageFile() throws {
        var bytes = Array((Self.line1 + "\n" + Self.line2 + "\n").utf8)
        bytes += Self.garbage(count: 50 * 1024 * 1024, seed: 42)
        bytes += Array(("\n" + Self.otherLine1 + "\n" + Self.otherLine2 + "\n").utf8)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("garbage-\(UUID().uuidString).tle")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        bytes = []

        let start = Date()
        let loaded = try ElementSetFile.load(path: url.path)
        print("50 MB garbage read in \(Date().timeIntervalSince(start)) s: \(loaded.errorCount) problems")
        #expect(loaded.sets.map(\.catalogNumber) == [44714, 44718])
        #expect(loaded.errors.count == 100)
        #expect(loaded.errorCount > 100_000)
        #expect(loaded.omittedErrorCount == loaded.errorCount - 100)
        // Excerpts of stray lines stay short whatever the line length.
        #expect(loaded.errors.allSatisfy { $0.description.utf8.count < 200 })
        #expect(throws: ElementSetError.self) { try ElementSetFile.load(path: url.path, strict: true) }
    }

    @Test("one enormous line without a newline")
    func overlongLine() throws {
        let bytes =
            [UInt8](repeating: UInt8(ascii: "1"), count: 3_000_000) + Array("\n".utf8)
            + Array((Self.line1 + "\n" + Self.line2).utf8)
        let loaded = try ElementSetFile.parse(bytes: bytes, source: "long.tle")
        #expect(loaded.sets.count == 1)
        #expect(loaded.errorCount == 1)
    }

    @Test("truncated files: every prefix of a valid file parses without crashing")
    func truncations() throws {
        let text = Array(
            ([Self.name, Self.line1, Self.line2, Self.name, Self.otherLine1, Self.otherLine2]
                .joined(separator: "\r\n")).utf8)
        for length in 0...text.count {
            let loaded = try ElementSetFile.parse(bytes: Array(text.prefix(length)), source: "cut.tle")
            #expect(loaded.sets.count + loaded.errorCount >= 1)
            #expect(loaded.sets.count <= 2)
        }
    }

    @Test("the CelesTrak Starlink snapshot loads completely")
    func starlinkSnapshot() throws {
        let loaded = try ElementSetFile.load(path: SGP4StarlinkTests.snapshotPath, strict: true)
        #expect(loaded.sets.count == 10_744)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.sets.allSatisfy { $0.name.hasPrefix("STARLINK-") })
    }

    /// A device never ends: refused at once instead of read without bound (the same class as
    /// `utermd audit show /dev/zero`, which grew to 2.8 GB).
    @Test func aDeviceIsRefusedNotReadWithoutBound() {
        #expect(throws: ElementSetError.self) { try ElementSetFile.load(path: "/dev/zero") }
    }
}
