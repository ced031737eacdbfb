import Foundation

/// A GPIO chip of the kernel's gpio-sim driver, made through configfs for one test: the
/// real character-device path (kernel, libgpiod, HALLinux) with no hardware. Its sysfs
/// attributes show what the kernel drives (`sim_gpioN/value`) and let the test pull an
/// input (`sim_gpioN/pull`). Linux Documentation/admin-guide/gpio/gpio-sim.rst.
final class GPIOSimBench {
    static let configfs = "/sys/kernel/config"
    static let root = configfs + "/gpio-sim"

    /// Why no gpio-sim chip can be made here, or nil when one can. Tries, as root, to load
    /// the module and mount configfs first; the reason says what was missing.
    static let unavailableReason: String? = probe()

    let label: String
    private let device: String
    private let bank: String
    /// `/sys/devices/platform/<dev_name>/<chip_name>`.
    private let sysfsChip: String

    /// Makes a live gpio-sim device with one bank of `lineCount` lines labelled `label`.
    init(label: String, lineCount: Int) throws {
        self.label = label
        device = Self.root + "/utermd-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        bank = device + "/gpio-bank0"
        try FileManager.default.createDirectory(atPath: bank, withIntermediateDirectories: true)
        try Self.write(bank + "/num_lines", "\(lineCount)")
        try Self.write(bank + "/label", label)
        try Self.write(device + "/live", "1")
        let deviceName = try Self.read(device + "/dev_name")
        let chipName = try Self.read(bank + "/chip_name")
        sysfsChip = "/sys/devices/platform/\(deviceName)/\(chipName)"
    }

    deinit {
        try? Self.write(device + "/live", "0")
        // configfs items go with rmdir; their attribute files cannot be unlinked one by one.
        rmdir(bank)
        rmdir(device)
    }

    /// The physical level the chip's line `offset` has (`sim_gpioN/value`): true = high.
    func isHigh(_ offset: Int) throws -> Bool { try Self.read(sysfsChip + "/sim_gpio\(offset)/value") == "1" }

    /// Pulls input line `offset` up or down (`sim_gpioN/pull`), as a wire from outside would.
    func pull(_ offset: Int, high: Bool) throws {
        try Self.write(sysfsChip + "/sim_gpio\(offset)/pull", high ? "pull-up" : "pull-down")
    }

    private static func write(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    private static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func probe() -> String? {
        #if os(Linux)
            if FileManager.default.fileExists(atPath: root) { return nil }
            var missing: [String] = []
            if getuid() == 0 {
                if run("/bin/sh", "-c", "command -v modprobe >/dev/null && modprobe gpio-sim") == nil {
                    missing.append("`modprobe gpio-sim` failed or modprobe is not installed")
                }
                if !FileManager.default.fileExists(atPath: root) {
                    _ = run("/bin/sh", "-c", "mount -t configfs none \(configfs) 2>/dev/null")
                }
                if FileManager.default.fileExists(atPath: root) { return nil }
            } else {
                missing.append("not root, so gpio-sim cannot be loaded or configured")
            }
            if !FileManager.default.fileExists(atPath: configfs) { missing.append("no configfs at \(configfs)") }
            if let config = run(
                "/bin/sh", "-c",
                "zcat /proc/config.gz 2>/dev/null | grep -E '^(# )?CONFIG_(MODULES|GPIOLIB|GPIO_CDEV|GPIO_SIM|CONFIGFS_FS)[ =]'")
            {
                let settings = config.split(separator: "\n").map {
                    $0.replacingOccurrences(of: "# ", with: "").replacingOccurrences(of: " is not set", with: "=n")
                }
                if !settings.isEmpty { missing.append("kernel \(release()) has " + settings.joined(separator: ", ")) }
            }
            return "no gpio-sim here, so the real kernel GPIO path is not exercised: " + missing.joined(separator: "; ")
        #else
            return "gpio-sim is a Linux kernel driver"
        #endif
    }

    private static func release() -> String {
        (try? read("/proc/sys/kernel/osrelease")) ?? "?"
    }

    /// Runs a command; its standard output when it exits with 0, else nil.
    private static func run(_ arguments: String...) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}
