/// One GPIO chip as the kernel's character device reports it (`/dev/gpiochipN`).
package struct GPIOChipInfo: Sendable, Hashable, Codable {
    /// The kernel name, e.g. `gpiochip0`.
    package var name: String
    /// The chip label, e.g. `pinctrl-rp1` (Pi 5) or `pinctrl-bcm2711` (Pi 4). Boards select
    /// chips by label because the numbering changes between kernels.
    package var label: String
    /// Number of lines (offsets `0..<lineCount`).
    package var lineCount: Int
    /// Device path, e.g. `/dev/gpiochip0`.
    package var path: String

    /// Builds a chip description.
    package init(name: String, label: String, lineCount: Int, path: String) {
        self.name = name
        self.label = label
        self.lineCount = lineCount
        self.path = path
    }
}
