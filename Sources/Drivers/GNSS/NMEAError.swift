/// Why a line from the receiver is not a usable NMEA 0183 sentence. Each case names the
/// sentence (its address field, e.g. `GPGGA`, or as much of the line as identifies it), so
/// a log of rejections shows which sentences a noisy line damages.
package enum NMEAError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line does not start with `$` (the first characters, for the log).
    case notASentence(linePrefix: String)
    /// The line holds bytes outside printable ASCII (NMEA 0183 §5.1: 0x20...0x7E).
    case nonASCII(sentence: String)
    /// The line is longer than any sentence (NMEA 0183 allows 82 characters; 160 are
    /// accepted for receivers that exceed it).
    case tooLong(sentence: String, byteCount: Int)
    /// The line has no `*hh` checksum (cut short, or a receiver configured without it).
    case missingChecksum(sentence: String)
    /// The checksum does not match the characters between `$` and `*`.
    case badChecksum(sentence: String, declared: UInt8, computed: UInt8)
    /// The sentence has fewer fields than its type defines.
    case missingFields(sentence: String, fieldCount: Int, needed: Int)
    /// A field does not hold what its position requires (named as the standard does).
    case malformedField(sentence: String, field: String, value: String)

    /// The sentence the error is about.
    package var sentence: String {
        switch self {
        case .notASentence(let prefix): prefix
        case .nonASCII(let sentence), .tooLong(let sentence, _), .missingChecksum(let sentence),
            .badChecksum(let sentence, _, _), .missingFields(let sentence, _, _), .malformedField(let sentence, _, _):
            sentence
        }
    }

    /// What is wrong, naming the sentence.
    package var description: String {
        switch self {
        case .notASentence(let prefix): "not an NMEA sentence: \"\(prefix)\""
        case .nonASCII(let sentence): "\(sentence): bytes outside printable ASCII"
        case .tooLong(let sentence, let count): "\(sentence): \(count) bytes, longer than any sentence"
        case .missingChecksum(let sentence): "\(sentence): no checksum"
        case .badChecksum(let sentence, let declared, let computed):
            "\(sentence): checksum \(Self.hex(declared)) does not match the computed \(Self.hex(computed))"
        case .missingFields(let sentence, let count, let needed): "\(sentence): \(count) fields, \(needed) needed"
        case .malformedField(let sentence, let field, let value): "\(sentence): \(field) \"\(value)\" is malformed"
        }
    }

    private static func hex(_ value: UInt8) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
