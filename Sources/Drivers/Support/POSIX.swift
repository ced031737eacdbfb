#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `strerror(code)`.
func systemErrorText(_ code: Int32) -> String { String(cString: strerror(code)) }
