import Foundation
import HAL
import HALLinux
import Testing

/// Tests of the real libgpiod/libusb paths. Those that need a `/dev/gpiochip*` skip with
/// the reason printed when the machine has none; USB enumeration runs everywhere.
@Suite struct LinuxHardwareInventoryTests {
    static let gpioChipsPresent =
        ((try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []).contains { $0.hasPrefix("gpiochip") }

    @Test(.enabled(if: LinuxHardwareInventory.unavailableReason == nil, "libgpiod/libusb are Linux-only"))
    func librariesReportTheirVersions() throws {
        let versions = LinuxHardwareInventory().libraryVersions()
        for (library, pkgConfigName) in [("libgpiod", "libgpiod"), ("libusb", "libusb-1.0")] {
            let version = try #require(versions[library])
            #expect(version.split(separator: ".").count == 3, "\(library) \(version)")
            // The independent oracle: what pkg-config says of the installed development package,
            // or, when UTERMD_LIBGPIOD names an unpacked libgpiod (scripts/fetch-libgpiod2.sh),
            // of the libgpiod.pc unpacked beside it; required, not skipped when absent.
            let expected = try #require(
                Self.pkgConfigVersion(pkgConfigName, libraryDirectory: Self.chosenLibraryDirectory(library)),
                "pkg-config --modversion \(pkgConfigName)")
            #expect(version == expected)
        }
    }

    @Test(.enabled(if: LinuxHardwareInventory.unavailableReason == nil, "libusb is Linux-only here"))
    func usbEnumerationRunsEverywhere() throws {
        let devices = try LinuxHardwareInventory().usbDevices()
        // No device (a container) is a normal answer; whatever is there is well formed.
        for device in devices {
            #expect(device.bus >= 0 && device.address > 0)
        }
        #expect(devices == devices.sorted { ($0.bus, $0.address) < ($1.bus, $1.address) })
    }

    @Test(.enabled(if: gpioChipsPresent, "no /dev/gpiochip* on this machine: the real libgpiod chip path is not exercised"))
    func listsTheMachinesGPIOChips() throws {
        let chips = try LinuxHardwareInventory().gpioChips()
        #expect(!chips.isEmpty)
        for chip in chips {
            #expect(chip.name.hasPrefix("gpiochip"))
            #expect(chip.lineCount > 0)
        }
    }

    @Test func noChipIsANormalAnswer() throws {
        let empty = try Self.temporaryDirectory()
        #expect(try LinuxHardwareInventory(deviceDirectory: empty).gpioChips().isEmpty)
    }

    @Test(.enabled(if: LinuxHardwareInventory.unavailableReason == nil, "libgpiod is Linux-only"))
    func aFileThatIsNotAChipIsAnErrorWithErrno() throws {
        let directory = try Self.temporaryDirectory()
        let fake = directory + "/gpiochip7"
        #expect(FileManager.default.createFile(atPath: fake, contents: Data("not a chip".utf8)))
        do {
            _ = try LinuxHardwareInventory(deviceDirectory: directory).gpioChips()
            Issue.record("a regular file was accepted as a GPIO chip")
        } catch let error as GPIOError {
            #expect(error.operation.contains(fake))
            #expect(error.errno != nil)
            #expect(error.description.contains("errno"))
        }
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "utermd-hal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The directory of the library file `UTERMD_LIBGPIOD` names, for libgpiod; else nil.
    static func chosenLibraryDirectory(_ library: String) -> String? {
        guard library == "libgpiod", let path = ProcessInfo.processInfo.environment["UTERMD_LIBGPIOD"], path.contains("/")
        else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    static func pkgConfigVersion(_ name: String, libraryDirectory: String? = nil) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pkg-config", "--modversion", name]
        if let libraryDirectory {
            var environment = ProcessInfo.processInfo.environment
            environment["PKG_CONFIG_LIBDIR"] = libraryDirectory + "/pkgconfig"
            process.environment = environment
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
