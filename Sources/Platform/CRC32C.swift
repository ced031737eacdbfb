/// CRC-32C (Castagnoli), the checksum of beamformer bridge frames.
///
/// Parameters as Greg Cook's catalogue of parametrised CRC algorithms lists them for
/// "CRC-32/ISCSI" (the CRC of iSCSI, RFC 3720 §12.1, and of SCTP, RFC 4960 appendix B):
/// width 32, polynomial 0x1EDC6F41 (reflected: 0x82F63B78), initial value 0xFFFFFFFF,
/// input and output reflected, final XOR 0xFFFFFFFF. Check value: the CRC of the nine ASCII
/// bytes `123456789` is 0xE3069283 (HAL's tests assert it).
///
/// Chosen over the IEEE CRC-32 for its better Hamming distance at frame lengths of a few
/// kilobytes (Castagnoli, Bräuer, Herrmann, IEEE Trans. Commun. 41(6), 1993), and because
/// the bridge's microcontroller can compute it in hardware. HAL has its own copy because it
/// must not depend on the Audit module (whose CRC-32 is the IEEE one).
package enum CRC32C {
    /// The reflected polynomial.
    package static let reflectedPolynomial: UInt32 = 0x82F6_3B78
    /// The CRC of the ASCII bytes `123456789`.
    package static let checkValue: UInt32 = 0xE306_9283

    /// Slicing-by-8 tables (Kounavis and Berry, "A Systematic Approach to Building High
    /// Performance Software-based CRC Generators", ISCC 2005): `tables[0]` is the classic
    /// one-byte table, `tables[k][b]` the CRC of byte `b` followed by `k` zero bytes, so eight
    /// bytes fold in with eight lookups. 8 × 256 entries, built once on first use (a `static
    /// let` is initialised lazily and thread-safely), so no call after the first allocates.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = (value & 1) != 0 ? (value >> 1) ^ reflectedPolynomial : value >> 1
            }
            tables[index] = value
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()

    /// The CRC of `bytes`. Allocates nothing.
    package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        finish(update(start, with: bytes))
    }

    /// The CRC of `bytes` (a convenience over the buffer form).
    package static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// The register value before any byte: the initial value 0xFFFFFFFF.
    package static var start: UInt32 { 0xFFFF_FFFF }

    /// Feeds `bytes` into a running register `crc` (from `start` or an earlier `update`).
    package static func update(_ crc: UInt32, with bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = crc
        tables.withUnsafeBufferPointer { table in
            var offset = 0
            let count = bytes.count
            while count - offset >= 8 {
                let low = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                offset += 8
            }
            while offset < count {
                crc = table[Int((crc ^ UInt32(bytes[offset])) & 0xFF)] ^ (crc >> 8)
                offset += 1
            }
        }
        return crc
    }

    /// The CRC of everything fed into `crc`: the final XOR.
    package static func finish(_ crc: UInt32) -> UInt32 { crc ^ 0xFFFF_FFFF }
}
