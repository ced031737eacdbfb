import ArgumentParser
import CLISupport
import HALLinux
import Terminal

/// `utermd version [--json]`: utermd's version and the hardware libraries' versions as they report them.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the utermd version, the libgpiod in use (version, API, file) and libusb's version.")

    @Flag(help: "Print JSON.")
    var json = false

    /// The JSON of `version --json`.
    struct Report: Codable {
        var version: String
        /// Library → the version it reports of itself.
        var libraries: [String: String]
        /// Why there are none, when there are none.
        var librariesUnavailable: String?
    }

    func run() throws {
        let versions = LinuxHardwareInventory().libraryVersions()
        let unavailable = versions.isEmpty ? LinuxHardwareInventory.unavailableReason : nil
        if json {
            print(try jsonText(Report(version: UtermdVersion.current, libraries: versions, librariesUnavailable: unavailable)))
            return
        }
        print("utermd \(UtermdVersion.current)")
        if let unavailable { print("hardware libraries: none (\(unavailable))") }
        #if os(Linux)
            // libgpiod is loaded at run time (1.6 or 2.x): say which file, or why none.
            switch LinuxHardwareInventory.libgpiod {
            case .success(let library): print("libgpiod \(library)")
            case .failure(let error): print("libgpiod not loaded: \(error.reason)")
            }
        #endif
        for (library, version) in versions.sorted(by: { $0.key < $1.key }) where library != "libgpiod" {
            print("\(library) \(version)")
        }
    }
}
