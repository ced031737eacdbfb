import SystemPackage

extension Optional where Wrapped == Errno {
    /// The number a fault text or an audit record writes after `errno`: the value the GPIO
    /// library left, or 0 when it set none (the records' format since before `Errno`).
    package var recordedNumber: Int32 { self?.rawValue ?? 0 }
}
