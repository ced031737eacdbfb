import ArgumentParser
import HALLinux
import Terminal

/// `utermd version`: utermd's version and the hardware libraries' versions as they report them.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the utermd version, the libgpiod in use (version, API, file) and libusb's version.")

    func run() {
        print("utermd \(UtermdVersion.current)")
        let versions = LinuxHardwareInventory().libraryVersions()
        if versions.isEmpty, let reason = LinuxHardwareInventory.unavailableReason {
            print("hardware libraries: none (\(reason))")
        }
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
