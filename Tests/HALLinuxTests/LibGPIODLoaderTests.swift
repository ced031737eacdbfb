#if os(Linux)
    import Foundation
    import HAL
    @testable import HALLinux
    import Testing

    /// Finding libgpiod at run time: 1.6 (`libgpiod.so.2`, Debian 12) and 2.x (`libgpiod.so.3`,
    /// Debian 13; on Debian 12 from `scripts/fetch-libgpiod2.sh`), told apart by their symbols.
    @Suite struct LibGPIODLoaderTests {
        /// The libgpiod 2.x of `scripts/fetch-libgpiod2.sh`'s cache, if it was fetched.
        static let fetchedV2: String? = {
            let cache =
                ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
                ?? NSHomeDirectory() + "/.cache"
            let lib = cache + "/utermd-libgpiod2/root/usr/lib"
            let triplets = (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []
            return triplets.map { "\(lib)/\($0)/libgpiod.so.3" }.first { FileManager.default.fileExists(atPath: $0) }
        }()
        static let systemV1 = dlopen("libgpiod.so.2", RTLD_NOW | RTLD_NOLOAD) != nil || dlopen("libgpiod.so.2", RTLD_LAZY) != nil

        @Test(.enabled(if: systemV1, "no libgpiod.so.2 (libgpiod 1.6) installed on this machine"))
        func libgpiod16IsBoundAsAPIVersion1() throws {
            let library = try LibGPIODLibrary.load(candidates: ["libgpiod.so.2"]).get()
            #expect(library.apiMajor == 1)
            #expect(library.version.hasPrefix("1."))
            #expect(library.origin.path.hasSuffix("libgpiod.so.2") || library.origin.path.contains("libgpiod.so.2."))
        }

        @Test(.enabled(if: fetchedV2 != nil, "libgpiod 2.x not fetched: run scripts/fetch-libgpiod2.sh"))
        func libgpiod2IsBoundAsAPIVersion2() throws {
            let path = try #require(Self.fetchedV2)
            let library = try LibGPIODLibrary.load(candidates: [path]).get()
            #expect(library.apiMajor == 2)
            #expect(library.version.hasPrefix("2."))
            #expect(library.origin.path == path)
        }

        @Test func aMissingLibraryIsLibraryNotFoundWithTheRemedy() {
            let result = LibGPIODLibrary.load(candidates: ["libgpiod.so.99", "/nonexistent/libgpiod.so.3"])
            guard case .failure(let error) = result else {
                Issue.record("a missing library loaded")
                return
            }
            #expect(error.kind == .libraryNotFound)
            #expect(error.reason.contains("libgpiod.so.99"))
            #expect(error.reason.contains("/nonexistent/libgpiod.so.3"))
            #expect(error.reason.contains("install libgpiod3"))
        }

        @Test func aLibraryThatIsNotLibgpiodIsRefusedByName() {
            // libm is on every glibc system and exports neither API's version function.
            let result = LibGPIODLibrary.load(candidates: ["libm.so.6", "libgpiod.so.2"])
            guard case .failure(let error) = result else {
                Issue.record("libm was taken for libgpiod")
                return
            }
            #expect(error.kind == .libraryNotFound)
            #expect(error.operation == "load libm.so.6")
            #expect(error.reason.contains("neither gpiod_api_version"))
        }

        /// The enum values declared in LibGPIODv2.swift against the fetched gpiod.h of 2.x.
        @Test(.enabled(if: fetchedV2 != nil, "libgpiod 2.x headers not fetched: run scripts/fetch-libgpiod2.sh"))
        func theDeclaredV2ConstantsMatchTheHeader() throws {
            let library = try #require(Self.fetchedV2)
            let root = library.components(separatedBy: "/usr/lib/")[0]
            let header = try String(contentsOfFile: root + "/usr/include/gpiod.h", encoding: .utf8)
            let values = Self.enumValues(header)
            #expect(values["GPIOD_LINE_DIRECTION_INPUT"] == GPIODv2Constant.directionInput)
            #expect(values["GPIOD_LINE_DIRECTION_OUTPUT"] == GPIODv2Constant.directionOutput)
            #expect(values["GPIOD_LINE_EDGE_BOTH"] == GPIODv2Constant.edgeBoth)
            #expect(values["GPIOD_LINE_BIAS_AS_IS"] == GPIODv2Constant.biasAsIs)
            #expect(values["GPIOD_LINE_BIAS_DISABLED"] == GPIODv2Constant.biasDisabled)
            #expect(values["GPIOD_LINE_BIAS_PULL_UP"] == GPIODv2Constant.biasPullUp)
            #expect(values["GPIOD_LINE_BIAS_PULL_DOWN"] == GPIODv2Constant.biasPullDown)
            #expect(values["GPIOD_EDGE_EVENT_RISING_EDGE"] == GPIODv2Constant.eventRisingEdge)
        }

        @Test(arguments: [false, true], GPIOBias.allCases)
        func flagsBecomeV2BiasSettings(activeLow: Bool, bias: GPIOBias) {
            let expected: Int32 =
                switch bias {
                case .asIs: 1
                case .disabled: 3
                case .pullUp: 4
                case .pullDown: 5
                }
            #expect(GPIODv2Constant.bias(LibGPIOD.requestFlags(activeLow: activeLow, bias: bias)) == expected)
        }

        /// `NAME = N,` and following `NAME,` entries of every C enum in `header`, numbered as C does.
        static func enumValues(_ header: String) -> [String: Int32] {
            var values: [String: Int32] = [:]
            var next: Int32 = 0
            for raw in header.split(separator: "\n") {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("enum ") { next = 0 }
                guard line.hasPrefix("GPIOD_"), line.hasSuffix(",") || !line.contains(" ") else { continue }
                let entry = line.trimmingCharacters(in: CharacterSet(charactersIn: ","))
                let parts = entry.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let value = Int32(parts[1]) { next = value }
                values[parts[0]] = next
                next += 1
            }
            return values
        }
    }
#endif
