extension Duration {
    /// Whole nanoseconds, truncated; negative durations become 0, huge ones saturate.
    package var clampedNanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (sum, overflowSum) = whole.addingReportingOverflow(UInt64(max(0, attoseconds / 1_000_000_000)))
        return overflowSum ? .max : sum
    }

    /// Whole milliseconds rounded up, at least 1 and at most `UInt32.max`: libusb's timeout
    /// unit, where 0 would mean "wait forever".
    package var libusbTimeoutMilliseconds: UInt32 {
        let nanoseconds = clampedNanoseconds
        let milliseconds = nanoseconds / 1_000_000 + (nanoseconds % 1_000_000 == 0 ? 0 : 1)
        return UInt32(clamping: max(1, milliseconds))
    }
}
