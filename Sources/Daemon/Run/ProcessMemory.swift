import Foundation

/// The process's resident memory, for the start-up log (Linux: `VmRSS` of /proc/self/status;
/// nil elsewhere).
enum ProcessMemory {
    /// Resident set size, KiB.
    static func residentKiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }

    /// `54.2 MiB resident`, or an empty string when unknown.
    static func description() -> String {
        residentKiB().map { String(format: "%.1f MiB resident", Double($0) / 1_024) } ?? ""
    }
}
