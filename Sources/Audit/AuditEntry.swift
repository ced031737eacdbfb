import Foundation

/// One audited event: a transmit on/off decision, a policy change, a fault, a start or stop.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What kind of event this is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The transmit interlock switched (`event` is `on` or `off`).
        case transmit
        /// A policy bundle was accepted or rejected.
        case policy
        /// A fault input or self-check changed state.
        case fault
        /// The daemon started or stopped.
        case lifecycle
    }

    /// Sequence number, 1 for the first record of a log, consecutive after.
    public var sequence: UInt64
    /// UTC time of the event, ISO-8601, or nil when UTC is not known yet.
    public var utc: String?
    /// CLOCK_MONOTONIC time of the event, nanoseconds.
    public var monotonicNanoseconds: UInt64
    /// The kind of event.
    public var kind: Kind
    /// What happened, e.g. `on`, `off`, `accepted`, `rejected`.
    public var event: String
    /// Why, in words, e.g. `inside zone "Example territorial sea"`.
    public var reason: String
    /// Further facts (zone, version, position), as text.
    public var details: [String: String]

    /// Builds an entry; the log assigns `sequence` when it appends.
    public init(
        kind: Kind, event: String, reason: String, utc: String? = nil, monotonicNanoseconds: UInt64 = 0,
        details: [String: String] = [:], sequence: UInt64 = 0
    ) {
        self.sequence = sequence
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
        guard line.count > 9, line[line.startIndex + 8] == UInt8(ascii: " ") else { return nil }
        let hex = String(decoding: line.prefix(8), as: UTF8.self)
        guard let crc = UInt32(hex, radix: 16) else { return nil }
        let body = line.dropFirst(9)
        guard CRC32.checksum(body) == crc else { return nil }
        return try? JSONDecoder().decode(AuditEntry.self, from: Data(body))
    }
}
