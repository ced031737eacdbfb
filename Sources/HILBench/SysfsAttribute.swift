import SystemPackage
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One sysfs attribute (a gpio-sim `value` or `pull`, a gadget's `UDC`), kept open and read
/// or written whole at offset 0 — one `pread`/`pwrite` per access, no allocation.
/// (`@unchecked Sendable`: the descriptor never changes; positioned reads and writes need
/// no shared file offset.)
package final class SysfsAttribute: @unchecked Sendable {
    /// The file.
    package let path: String
    private let descriptor: Int32

    /// Opens `path` for reading, or reading and writing.
    package init(path: String, writable: Bool) throws(VMBenchError) {
        self.path = path
        descriptor = open(path, writable ? O_RDWR : O_RDONLY)
        guard descriptor >= 0 else { throw VMBenchError("\(path): \(Errno.last)") }
    }

    deinit { close(descriptor) }

    /// The first character of the attribute (`0`/`1` for a gpio-sim `value`), or nil when
    /// the read failed.
    package func readFirstByte() -> UInt8? {
        var byte: UInt8 = 0
        return pread(descriptor, &byte, 1, 0) == 1 ? byte : nil
    }

    /// Writes `text` (sysfs takes one write per value); false when the kernel refused it.
    @discardableResult
    package func write(_ text: StaticString) -> Bool {
        pwrite(descriptor, text.utf8Start, text.utf8CodeUnitCount, 0) == text.utf8CodeUnitCount
    }

    /// Writes `text`; false when the kernel refused it.
    @discardableResult
    package func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { pwrite(descriptor, $0.baseAddress, $0.count, 0) == $0.count }
    }
}
