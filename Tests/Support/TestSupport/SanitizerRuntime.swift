#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which sanitizer runtime this test process carries (`make sanitize` builds the tests and
/// every binary they start with one), for the few tests that cannot run under it: counting
/// allocations with glibc's `mtrace` (the sanitizer replaces `malloc`, and its runtime must come
/// first, before any `LD_PRELOAD`) and limiting a child's address space (ASan reserves terabytes
/// of shadow memory at start). Such a test is skipped with this reason printed, never silently.
public enum SanitizerRuntime {
    /// "AddressSanitizer" or "ThreadSanitizer" when the process carries one, else nil.
    public static let active: String? = {
        #if canImport(Glibc) || canImport(Darwin)
            let handle = dlopen(nil, RTLD_NOW)
            defer { if let handle { dlclose(handle) } }
            if dlsym(handle, "__asan_init") != nil { return "AddressSanitizer" }
            if dlsym(handle, "__tsan_init") != nil { return "ThreadSanitizer" }
        #endif
        return nil
    }()

    /// The reason a test that needs the plain runtime prints when skipped.
    public static var reason: String {
        "this build carries \(active ?? "no sanitizer"), which replaces malloc and reserves its own address space"
    }
}
