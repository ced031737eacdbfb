/// How a service thread retries a source that is down (gpsd, a serial GNSS receiver), and
/// when it says so: every 2 s at first, doubling to once a minute; a warning on the first
/// failure and then only when the wait doubles (so a gpsd down for a day logs about 30
/// lines, not 43,200), and one notice when the source is back.
struct ReconnectBackoff: Sendable {
    /// The first wait, seconds.
    var initialSeconds = 2.0
    /// The longest wait, seconds.
    var maximumSeconds = 60.0
    /// Failures since the source last worked.
    private(set) var failures = 0
    /// Seconds waited since the source last worked.
    private(set) var downSeconds = 0.0

    /// What to do after a failed attempt.
    struct Retry: Equatable {
        /// Seconds to wait before the next attempt.
        var delaySeconds: Double
        /// Whether to log this failure (the first, and each time the wait grows).
        var logs: Bool
    }

    /// Records a failed attempt.
    mutating func failed() -> Retry {
        failures += 1
        let previous = failures == 1 ? 0 : delay(after: failures - 1)
        let delay = delay(after: failures)
        downSeconds += delay
        return Retry(delaySeconds: delay, logs: failures == 1 || delay > previous)
    }

    /// Records a working connection; returns how long it had been down (failures and
    /// seconds waited), once, when it had.
    mutating func connected() -> (failures: Int, downSeconds: Double)? {
        defer {
            failures = 0
            downSeconds = 0
        }
        return failures > 0 ? (failures, downSeconds) : nil
    }

    private func delay(after failures: Int) -> Double {
        min(maximumSeconds, initialSeconds * Double(1 << min(failures - 1, 30)))
    }
}
