#if os(Linux)
    import Foundation
    import Glibc

    /// Counts the allocations of a stretch of code, for tests that show a path allocates
    /// nothing (or a bounded amount) per step: counted, not assumed.
    ///
    /// glibc's `mtrace` logs every `malloc` and `realloc` of the process while switched on, once
    /// `libc_malloc_debug.so.0` (part of Debian's `libc6`) is preloaded. Preloading must happen at
    /// process start, so a test runs its own test binary again as a child (`countInChild`), with
    /// `LD_PRELOAD` and `MALLOC_TRACE` set; in the child (`isChild`) the test runs its code inside
    /// `trace`, calling `mark()` between the stretches to count. Marker allocations of sizes
    /// nothing else uses split the log into windows, whose allocation counts the parent gets.
    /// Compare a short and a long run of the same step: whatever a run allocates once (or what
    /// another thread of the test runner allocates meanwhile) appears in both.
    public enum MallocTrace {
        /// The environment variable that tells the child it is the child.
        public static let probeVariable = "UTERMD_ALLOCATION_PROBE"
        static let library = "libc_malloc_debug.so.0"
        static let markerSize = 223_461

        /// Whether glibc's debug library is installed and can be preloaded: not under a
        /// sanitizer, whose runtime replaces `malloc` (a test is skipped with
        /// `unavailableReason` otherwise).
        public static var isAvailable: Bool {
            SanitizerRuntime.active == nil
                && ["/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu"]
                    .contains { access("\($0)/\(library)", R_OK) == 0 }
        }

        /// The reason printed when a test is skipped: no library, or a sanitizer build.
        public static var unavailableReason: String {
            SanitizerRuntime.active == nil ? "needs glibc's libc_malloc_debug.so.0" : "allocation counting needs glibc's malloc: \(SanitizerRuntime.reason)"
        }

        /// Whether this process is the traced child.
        public static var isChild: Bool { ProcessInfo.processInfo.environment[probeVariable] == "1" }

        /// Why counting failed.
        public struct Failure: Error, CustomStringConvertible {
            public let description: String
        }

        /// Runs this test binary again, filtered to `filter` (a swift-testing filter naming the
        /// test itself), traced; returns the allocation count of each window the child marked
        /// (one more than its `mark()` calls).
        public static func countInChild(filter: String) throws -> [Int] {
            let tracePath = NSTemporaryDirectory() + "utermd-mtrace-\(getpid())-\(UUID().uuidString).log"
            defer { unlink(tracePath) }
            let child = Process()
            child.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            child.arguments = ["--testing-library", "swift-testing", "--filter", filter]
            var environment = ProcessInfo.processInfo.environment
            environment[probeVariable] = "1"
            environment["LD_PRELOAD"] = library
            environment["MALLOC_TRACE"] = tracePath
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            child.waitUntilExit()
            guard child.terminationStatus == 0 else { throw Failure(description: "the traced child exited \(child.terminationStatus)") }
            return allocationsBetweenMarkers(in: try String(contentsOfFile: tracePath, encoding: .utf8))
        }

        /// In the child: traces `body`, which calls `mark` between the stretches it counts.
        public static func trace(_ body: (_ mark: () -> Void) throws -> Void) throws {
            guard let on = function("mtrace"), let off = function("muntrace") else {
                throw Failure(description: "libc_malloc_debug's mtrace is not loaded")
            }
            on()
            defer { off() }
            try body { free(malloc(markerSize)) }
        }

        /// `mtrace`/`muntrace` of the preloaded library. It defines them only under a non-default
        /// symbol version (libc's own are do-nothing stubs, found by plain `dlsym`), so they are
        /// looked up with `dlvsym` and the architecture's base glibc version.
        static func function(_ name: String) -> (@convention(c) () -> Void)? {
            typealias VersionedLookup =
                @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> UnsafeMutableRawPointer?
            guard let lookup = dlsym(nil, "dlvsym").map({ unsafeBitCast($0, to: VersionedLookup.self) }),
                let handle = dlopen(library, RTLD_NOW | RTLD_NOLOAD)
            else { return nil }
            for version in ["GLIBC_2.2.5", "GLIBC_2.17"] {  // x86-64, aarch64
                if let address = lookup(handle, name, version) {
                    return unsafeBitCast(address, to: (@convention(c) () -> Void).self)
                }
            }
            return nil
        }

        /// Allocation lines (`+` malloc, `>` realloc) of an mtrace log, counted between markers.
        static func allocationsBetweenMarkers(in trace: String) -> [Int] {
            let marker = "0x" + String(markerSize, radix: 16)
            var windows = [0]
            for line in trace.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard let operation = fields.firstIndex(where: { $0 == "+" || $0 == ">" }) else { continue }
                if fields.count > operation + 2, fields[operation + 2] == marker {
                    windows.append(0)
                } else {
                    windows[windows.count - 1] += 1
                }
            }
            return windows
        }
    }
#endif
