/// One GPIO chip as the kernel's character device reports it (`/dev/gpiochipN`).
public struct GPIOChipInfo: Sendable, Hashable, Codable {
    /// The kernel name, e.g. `gpiochip0`.
    public var name: String
    /// The chip label, e.g. `pinctrl-rp1` (Pi 5) or `pinctrl-bcm2711` (Pi 4). Boards select
    /// chips by label because the numbering changes between kernels.
    public var label: String
    /// Number of lines (offsets `0..<lineCount`).
    public var lineCount: Int
    /// Device path, e.g. `/dev/gpiochip0`.
    public var path: String

    /// Builds a chip description.
    public init(name: String, label: String, lineCount: Int, path: String) {
        self.name = name
        self.label = label
        self.lineCount = lineCount
        self.path = path
    }
}
