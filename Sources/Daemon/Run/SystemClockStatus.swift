#if canImport(Glibc)
    import Glibc
#endif

/// Whether the system clock may be taken for UTC (safety invariant 5: no valid time, no
/// transmit). On Linux the kernel knows: `adjtimex(2)` answers `TIME_ERROR` while the clock
/// is not synchronised (no NTP/chrony/gpsd discipline, `STA_UNSYNC` set), as on a Raspberry Pi
/// that booted without a battery clock. Elsewhere (macOS laptops, simulation only) it is
/// taken as synchronised.
enum SystemClockStatus {
    /// `TIME_ERROR`, from <sys/timex.h>.
    static let timeError: Int32 = 5

    /// Whether the kernel reports the clock synchronised.
    static func isSynchronised() -> Bool {
        #if os(Linux)
            // <sys/timex.h> is not part of Swift's Glibc module: adjtimex is looked up by
            // name and given a zeroed buffer larger than `struct timex` (208 bytes on 64-bit
            // Linux), whose first field, `modes`, is 0: read only, nothing is adjusted.
            typealias AdjustTime = @convention(c) (UnsafeMutableRawPointer) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "adjtimex") else { return false }
            let adjust = unsafeBitCast(symbol, to: AdjustTime.self)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
            defer { buffer.deallocate() }
            buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
            return adjust(buffer) != timeError
        #else
            return true
        #endif
    }
}
