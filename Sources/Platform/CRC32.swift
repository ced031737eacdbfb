/// CRC-32 as used by Ethernet, zlib and PNG (IEEE 802.3; reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF). Check value: CRC-32("123456789") = 0xCBF43926
/// (Greg Cook's CRC catalogue, "CRC-32/ISO-HDLC").
package enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = (value & 1) != 0 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    /// The CRC of `bytes`.
    package static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
