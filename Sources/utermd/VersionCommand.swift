import ArgumentParser
import HALLinux
import Terminal

/// `utermd version`: utermd's version and the hardware libraries' versions as they report them.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the utermd version and the versions of the linked libgpiod and libusb.")

    func run() {
        print("utermd \(UtermdVersion.current)")
        let versions = LinuxHardwareInventory().libraryVersions()
        if versions.isEmpty, let reason = LinuxHardwareInventory.unavailableReason {
            print("hardware libraries: none (\(reason))")
        }
        for (library, version) in versions.sorted(by: { $0.key < $1.key }) {
            print("\(library) \(version)")
        }
    }
}
