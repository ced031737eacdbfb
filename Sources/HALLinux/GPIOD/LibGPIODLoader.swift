// Finds libgpiod at run time. utermd is one binary for Debian 12 / Raspberry Pi OS Bookworm
// (libgpiod 1.6, `libgpiod.so.2`) and Debian 13 / Trixie (libgpiod 2.x, `libgpiod.so.3`):
// the two APIs are incompatible (2.x has no line handles, requests are built from settings),
// so linking against either one's headers would give two binaries and two packages. Instead
// the library is opened with dlopen(3) the first time a GPIO is touched, its API told apart by
// the symbols it exports, and its functions bound into the table of one adapter file per API
// version (LibGPIODv1.swift, LibGPIODv2.swift). Building needs no libgpiod headers at all.
#if os(Linux)
    import Foundation
    import HAL

    /// The libgpiod this process uses: which file, which API, which version.
    enum LibGPIODLibrary: Sendable {
        /// libgpiod 1.x (`libgpiod.so.2`): `gpiod_line_*` handles.
        case v1(LibGPIODv1Symbols, LibGPIODOrigin)
        /// libgpiod 2.x (`libgpiod.so.3`): line requests.
        case v2(LibGPIODv2Symbols, LibGPIODOrigin)

        /// The environment variable naming the library file to use instead of the search:
        /// a path (`~/.cache/utermd-libgpiod2/root/usr/lib/x86_64-linux-gnu/libgpiod.so.3`,
        /// from `scripts/fetch-libgpiod2.sh`) or a soname. When set, nothing else is tried.
        static let environmentVariable = "UTERMD_LIBGPIOD"

        /// Sonames tried in order when the variable is unset: 2.x first, since a system that
        /// has both (a Bookworm with backports) is moving to it.
        static let sonames = ["libgpiod.so.3", "libgpiod.so.2"]

        /// The library of this process, loaded on first use and kept for its lifetime (a
        /// library is never unloaded: its functions are in the call tables of open lines).
        static let shared: Result<LibGPIODLibrary, GPIOError> = load(
            candidates: ProcessInfo.processInfo.environment[environmentVariable].map { [$0] } ?? sonames)

        /// `gpiod_version_string()` (1.x) or `gpiod_api_version()` (2.x): e.g. `1.6.3`, `2.2.1`.
        var version: String {
            switch self {
            case .v1(let symbols, _): String(cString: symbols.versionString())
            case .v2(let symbols, _): String(cString: symbols.apiVersion())
            }
        }

        /// Where the library was found.
        var origin: LibGPIODOrigin {
            switch self {
            case .v1(_, let origin), .v2(_, let origin): origin
            }
        }

        /// The major API version: 1 or 2.
        var apiMajor: Int {
            switch self {
            case .v1: 1
            case .v2: 2
            }
        }

        /// The call table over this library.
        var calls: GPIODCalls {
            switch self {
            case .v1(let symbols, _): .v1(symbols)
            case .v2(let symbols, _): .v2(symbols)
            }
        }

        /// Tries each candidate with dlopen and binds the first that is libgpiod. A file that
        /// loads but is neither API (missing symbols) is an error naming the symbol, not a
        /// reason to go on: the environment variable then names the wrong file.
        static func load(candidates: [String]) -> Result<LibGPIODLibrary, GPIOError> {
            var failures: [String] = []
            for candidate in candidates {
                guard let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) else {
                    failures.append(dlerror().map { String(cString: $0) } ?? "\(candidate): cannot be loaded")
                    continue
                }
                let symbols = DynamicSymbols(handle: handle, file: candidate)
                do throws(GPIOError) {
                    if symbols.has("gpiod_api_version") {
                        let origin = LibGPIODOrigin(requested: candidate, path: symbols.loadedPath)
                        return .success(.v2(try LibGPIODv2Symbols(symbols), origin))
                    }
                    if symbols.has("gpiod_version_string") {
                        let origin = LibGPIODOrigin(requested: candidate, path: symbols.loadedPath)
                        return .success(.v1(try LibGPIODv1Symbols(symbols), origin))
                    }
                    throw GPIOError(
                        kind: .libraryNotFound, operation: "load \(candidate)",
                        reason: "exports neither gpiod_api_version (libgpiod 2.x) nor gpiod_version_string (1.x)")
                } catch {
                    dlclose(handle)
                    return .failure(error)
                }
            }
            return .failure(
                GPIOError(
                    kind: .libraryNotFound, operation: "load libgpiod",
                    reason: failures.joined(separator: "; ")
                        + " — install libgpiod3 (Debian 13, Raspberry Pi OS Trixie) or libgpiod2 (Debian 12, Bookworm)"))
        }
    }

    /// Which file was asked for and which one the dynamic linker opened.
    struct LibGPIODOrigin: Sendable, Equatable {
        /// The soname or path given to dlopen.
        var requested: String
        /// The file's path as the dynamic linker reports it (`/proc/self/maps`), or `requested`.
        var path: String
    }

    /// dlsym over one opened library, with errors that name the missing symbol.
    struct DynamicSymbols {
        let handle: UnsafeMutableRawPointer
        let file: String

        func has(_ name: String) -> Bool { dlsym(handle, name) != nil }

        /// The symbol `name` as a C function of type `T`.
        func function<T>(_ name: String, as type: T.Type) throws(GPIOError) -> T {
            guard let address = dlsym(handle, name) else {
                throw GPIOError(kind: .libraryNotFound, operation: "load \(file)", reason: "no symbol \(name)")
            }
            return unsafeBitCast(address, to: type)
        }

        /// The path of the opened file: `file` itself when it is a path; for a soname, the
        /// mapping in `/proc/self/maps` whose file name starts with it (`libgpiod.so.2` →
        /// `/usr/lib/x86_64-linux-gnu/libgpiod.so.2.2.2`), as `ldd` would show it.
        var loadedPath: String {
            if file.contains("/") { return file }
            let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
            for line in maps.split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                if path.split(separator: "/").last?.hasPrefix(file) == true { return path }
            }
            return file
        }
    }
#endif
