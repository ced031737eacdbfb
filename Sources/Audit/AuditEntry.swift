import Foundation
import Platform

/// One audited event: a transmit on/off decision, a policy change, a fault, a start or stop.
package struct AuditEntry: Sendable, Hashable, Codable {
    /// What kind of event this is.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The transmit interlock switched (`event` is `on` or `off`).
        case transmit
        /// A policy bundle was accepted or rejected.
        case policy
        /// A fault input or self-check changed state.
        case fault
        /// The daemon started or stopped.
        case lifecycle
        /// The operator's service rules: the disablement code changed, or a day counter did.
        case service
    }

    /// Sequence number, 1 for the first record of a log, consecutive after.
    package var sequence: UInt64
    /// UTC time of the event, ISO-8601, or nil when UTC is not known yet.
    package var utc: String?
    /// CLOCK_MONOTONIC time of the event, nanoseconds.
    package var monotonicNanoseconds: UInt64
    /// The kind of event.
    package var kind: Kind
    /// What happened, e.g. `on`, `off`, `accepted`, `rejected`.
    package var event: String
    /// Why, in words, e.g. `inside zone "Example territorial sea"`.
    package var reason: String
    /// Further facts (zone, version, position), as text.
    package var details: [String: String]
    /// SHA-256 (hex) of the previous record's line, or of nothing for the first record: the
    /// chain that lets `AuditLogVerification` prove that no record before this one was removed,
    /// inserted or altered after it was written. The log sets it when it appends; nil in logs
    /// written before the chain existed.
    package var chain: String?

    /// Builds an entry; the log assigns `sequence` when it appends.
    package init(
        kind: Kind, event: String, reason: String, utc: String? = nil, monotonicNanoseconds: UInt64 = 0,
        details: [String: String] = [:], sequence: UInt64 = 0, chain: String? = nil
    ) {
        self.sequence = sequence
        self.chain = chain
        self.utc = utc
        self.monotonicNanoseconds = monotonicNanoseconds
        self.kind = kind
        self.event = event
        self.reason = reason
        self.details = details
    }
}

/// How records are written: one line each, `CRC32HEX JSON\n`, where the CRC-32 (8 lower-case
/// hex digits) covers exactly the JSON bytes. A line is valid only when it is complete (ends
/// in a newline), its CRC matches and its JSON decodes.
enum AuditLineFormat {
    /// The longest line a record may have; a longer one is not an audit record (and reading
    /// stops there, so a device or a huge foreign file cannot make a reader grow without bound).
    static let maximumLineBytes = 256 * 1024

    static func encode(_ entry: AuditEntry) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Array(try encoder.encode(entry))
        let crc = String(CRC32.checksum(body), radix: 16)
        let prefix = String(repeating: "0", count: 8 - crc.count) + crc + " "
        return Array(prefix.utf8) + body + [UInt8(ascii: "\n")]
    }

    /// Decodes one line (without its newline); nil when the CRC or the JSON is wrong.
    static func decode(_ line: ArraySlice<UInt8>) -> AuditEntry? {
        try? decodeOrExplain(line).get()
    }

    /// Decodes one line (without its newline), or says what is wrong with it.
    static func decodeOrExplain(_ line: ArraySlice<UInt8>) -> Result<AuditEntry, AuditLineProblem> {
        if line.last == UInt8(ascii: "\r"), decode(line.dropLast()) != nil { return .failure(.carriageReturn) }
        guard line.count > 9, line[line.startIndex + 8] == UInt8(ascii: " "),
            let crc = UInt32(String(decoding: line.prefix(8), as: UTF8.self), radix: 16),
            line.prefix(8).allSatisfy({ isLowerHex($0) })
        else { return .failure(.notFramed) }
        let body = line.dropFirst(9)
        guard CRC32.checksum(body) == crc else { return .failure(.checksumMismatch) }
        do {
            return .success(try JSONDecoder().decode(AuditEntry.self, from: Data(body)))
        } catch {
            return .failure(.undecodable)
        }
    }

    /// Whether `bytes` (the bytes after the last newline) can be the start of a record cut
    /// short by a crash: a prefix of `CRC32HEX {...`, or zeros (a block the file system
    /// allocated but never wrote, after a power loss), or such a prefix followed by zeros.
    static func isTornRecordPrefix(_ bytes: ArraySlice<UInt8>) -> Bool {
        let written = bytes.prefix { $0 != 0 }
        guard bytes.dropFirst(written.count).allSatisfy({ $0 == 0 }) else { return false }
        guard written.count < maximumLineBytes, !written.contains(UInt8(ascii: "\n")) else { return false }
        for (offset, byte) in written.prefix(10).enumerated() {
            switch offset {
            case 0..<8: if !isLowerHex(byte) { return false }
            case 8: if byte != UInt8(ascii: " ") { return false }
            default: if byte != UInt8(ascii: "{") { return false }
            }
        }
        return true
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}

/// What is wrong with a line that is not a valid audit record.
package enum AuditLineProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line ends in CR LF: a valid record otherwise (the file went through a CRLF conversion).
    case carriageReturn
    /// Not `CRC32HEX JSON` at all.
    case notFramed
    /// The CRC does not match the JSON bytes (altered or damaged).
    case checksumMismatch
    /// The CRC matches but the JSON is not an audit record.
    case undecodable

    package var description: String {
        switch self {
        case .carriageReturn:
            "the line ends in CR LF (the file was converted, e.g. copied through a Windows share; `sed -i 's/\\r$//'` restores it)"
        case .notFramed: "not an audit record (expected 8 hex digits of CRC-32, a space, a JSON object)"
        case .checksumMismatch: "the CRC-32 does not match the record (altered or damaged)"
        case .undecodable: "the record's JSON is not an audit entry"
        }
    }
}
