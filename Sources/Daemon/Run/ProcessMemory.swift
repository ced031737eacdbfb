import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process's resident memory, for the start-up log (Linux: `VmRSS` of /proc/self/status;
/// nil elsewhere).
enum ProcessMemory {
    /// Resident set size, KiB.
    static func residentKiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }

    /// `54.2 MiB resident`, or an empty string when unknown.
    static func description() -> String {
        residentKiB().map { String(format: "%.1f MiB resident", Double($0) / 1_024) } ?? ""
    }

    /// Gives the pages of freed heap memory back to the system (glibc's `malloc_trim(0)`): the
    /// start-up's parsing (the element set file, the configuration, the policy) frees several
    /// MB that glibc would otherwise keep mapped, resident, for the daemon's whole life.
    /// Nothing where the C library has no `malloc_trim` (looked up at run time: `<malloc.h>` is
    /// not part of the Glibc module).
    static func returnFreedMemory() {
        #if canImport(Glibc)
            typealias MallocTrim = @convention(c) (Int) -> Int32
            // RTLD_DEFAULT is the null handle: the symbol as the process resolves it.
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
