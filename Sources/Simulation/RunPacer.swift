import Foundation
import Platform
import Terminal

/// Keeps a run's virtual time to the wall clock where it must: at `speed` times real time
/// when one is asked for, at real time (at most) while the bench follows the wall clock,
/// and as fast as the machine goes otherwise.
///
/// Each change of rate re-anchors (virtual, wall), so a fast stretch never has to be "paid
/// back" by sleeping later. A loop slower than the rate runs as fast as it can.
struct RunPacer {
    /// Times real time, nil: as fast as possible (outside wall-clock stretches).
    let speed: Double?
    private var anchor: (virtual: Int64, wall: UInt64, rate: Double)?
    /// Virtual nanoseconds run while following the wall clock.
    private(set) var wallClockStretchNanoseconds: Int64 = 0

    init(speed: Double?) {
        self.speed = speed.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Sleeps as needed before the tick at `virtual` nanoseconds.
    mutating func pace(virtualNanoseconds virtual: Int64, followWallClock: Bool, periodNanoseconds: Int64) {
        let rate: Double
        if followWallClock {
            rate = min(speed ?? 1, 1)
            wallClockStretchNanoseconds += periodNanoseconds
        } else if let speed {
            rate = speed
        } else {
            anchor = nil
            return
        }
        let wall = MonotonicTime.unsignedNanoseconds()
        guard let anchor, anchor.rate == rate else {
            self.anchor = (virtual, wall, rate)
            return
        }
        let target = anchor.wall &+ UInt64(max(0, Double(virtual - anchor.virtual) / rate))
        if target > wall { usleep(UInt32(min(1_000_000, (target - wall) / 1_000))) }
    }
}
