import Foundation
import Terminal

/// The live status line of a run on a terminal: a progress bar, the time left, and the
/// terminal's state. The run calls it every 6 simulated seconds, so its last call falls short
/// of the end; `SimulateCommand` draws it once more at 1.0 when the run is over.
enum StatusLine {
    static func draw(fraction: Double, snapshot: TerminalSnapshot, scenarioStart: Int64, wallElapsedSeconds: Double) {
        let line =
            "\r"
            + text(fraction: fraction, snapshot: snapshot, scenarioStart: scenarioStart, wallElapsedSeconds: wallElapsedSeconds)
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    static func text(fraction: Double, snapshot: TerminalSnapshot, scenarioStart: Int64, wallElapsedSeconds: Double) -> String {
        let width = 30
        let done = min(1, max(0, fraction))
        let filled = Int((done * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let elapsed = snapshot.utcNanoseconds == .min ? 0 : Int((snapshot.utcNanoseconds - scenarioStart) / 1_000_000_000)
        let clock = String(format: "%02d:%02d:%02d", elapsed / 3600, elapsed / 60 % 60, elapsed % 60)
        let beam =
            snapshot.servingIndex >= 0
            ? String(
                format: "sat #%d az %6.1f° el %5.1f°", snapshot.servingIndex, snapshot.azimuthDegrees, snapshot.elevationDegrees)
            : "no satellite              "
        return String(
            format: "[%@] %3.0f%% %@ %@ %-10@ %@ TX %@ ", bar, done * 100,
            eta(fraction: done, wallElapsedSeconds: wallElapsedSeconds),
            clock, snapshot.state.description, beam, snapshot.transmitEnabled ? "on " : "off")
    }

    /// "ETA 1:23" from the pace so far (wall clock), "ETA --:--" before there is one, and
    /// "done 17.8 s" at the end.
    static func eta(fraction: Double, wallElapsedSeconds: Double) -> String {
        if fraction >= 1 { return String(format: "done %.1f s", wallElapsedSeconds) }
        guard fraction > 0.001, wallElapsedSeconds > 0 else { return "ETA --:--" }
        let left = Int((wallElapsedSeconds * (1 - fraction) / fraction).rounded(.up))
        return String(format: "ETA %d:%02d", left / 60, left % 60)
    }
}
