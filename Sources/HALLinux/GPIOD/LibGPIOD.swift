// The one file that calls libgpiod 1.6. Every C call of HALLinux's GPIO side is here;
// the rest of the module sees Swift types only.
#if canImport(CGPIOD)
import CGPIOD
import Foundation
import HAL

/// Thin adapter over libgpiod 1.6.
enum LibGPIOD {
    /// `gpiod_version_string()`: the version of the linked library, e.g. `1.6.3`.
    static var version: String { String(cString: gpiod_version_string()) }

    /// Device paths of the GPIO character devices, found the way libgpiod's own
    /// `gpiod_chip_iter_new` does: entries of `/dev` named `gpiochip*`, in numeric order.
    static func chipPaths(deviceDirectory: String = "/dev") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: deviceDirectory)) ?? []
        return names.filter { $0.hasPrefix("gpiochip") }
            .sorted { (Int($0.dropFirst(8)) ?? .max, $0) < (Int($1.dropFirst(8)) ?? .max, $1) }
            .map { deviceDirectory + "/" + $0 }
    }
}

/// An open GPIO chip (`struct gpiod_chip *`), closed when this value ends.
struct GPIOChipHandle: ~Copyable {
    private let chip: OpaquePointer
    let path: String

    /// `gpiod_chip_open(path)`.
    init(path: String) throws(GPIOError) {
        guard let chip = gpiod_chip_open(path) else {
            throw lastGPIOError("open \(path)")
        }
        self.chip = chip
        self.path = path
    }

    deinit { gpiod_chip_close(chip) }

    /// `gpiod_chip_name`, `gpiod_chip_label` and `gpiod_chip_num_lines`.
    var info: GPIOChipInfo {
        GPIOChipInfo(
            name: String(cString: gpiod_chip_name(chip)),
            label: String(cString: gpiod_chip_label(chip)),
            lineCount: Int(gpiod_chip_num_lines(chip)),
            path: path)
    }
}

/// The errno libgpiod left, as a typed error.
func lastGPIOError(_ operation: String) -> GPIOError {
    let code = errno
    return GPIOError(operation: operation, errno: code, reason: String(cString: strerror(code)))
}
#endif
