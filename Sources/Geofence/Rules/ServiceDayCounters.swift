/// The counters of the roaming rules that span days: how long the terminal has been abroad and
/// how many days it spent in coastal waters (in a row, and in the calendar year).
///
/// A day counts when a fix on it is trusted (see ``observe(_:on:home:)``); the counters only
/// ever move forward with the day: an observation dated before the last counted day (a clock
/// stepped back) changes nothing, so a clock fault can neither advance nor reset them. Kept
/// in a small state file by the daemon (`ServiceDayCounterStore`), audited on each change.
package struct ServiceDayCounters: Sendable, Hashable, BitwiseCopyable {
    /// The last day an observation was counted (nil: none yet).
    package var lastObservedDay: UTCDay?
    /// First day of the current stay abroad (nil: at home, or never abroad).
    package var abroadSinceDay: UTCDay?
    /// First day of the current run of coastal days.
    package var coastalRunStartDay: UTCDay?
    /// The last day with a fix in coastal waters.
    package var lastCoastalDay: UTCDay?
    /// Coastal days in ``coastalYear``.
    package var coastalDaysInYear: Int
    /// The year ``coastalDaysInYear`` counts.
    package var coastalYear: Int64

    /// Nothing counted.
    package static let zero = ServiceDayCounters(
        lastObservedDay: nil, abroadSinceDay: nil, coastalRunStartDay: nil, lastCoastalDay: nil, coastalDaysInYear: 0,
        coastalYear: 0)

    /// Counters with the given values.
    package init(
        lastObservedDay: UTCDay?, abroadSinceDay: UTCDay?, coastalRunStartDay: UTCDay?, lastCoastalDay: UTCDay?,
        coastalDaysInYear: Int, coastalYear: Int64
    ) {
        self.lastObservedDay = lastObservedDay
        self.abroadSinceDay = abroadSinceDay
        self.coastalRunStartDay = coastalRunStartDay
        self.lastCoastalDay = lastCoastalDay
        self.coastalDaysInYear = coastalDaysInYear
        self.coastalYear = coastalYear
    }

    /// Days abroad on `day`, counting both ends (0 when not abroad).
    package func daysAbroad(on day: UTCDay) -> Int {
        guard let since = abroadSinceDay else { return 0 }
        return Int(clamping: max(day.number, since.number) - since.number + 1)
    }

    /// The current run of coastal days on `day` (0 when the run ended: a day passed without a
    /// coastal fix).
    package func consecutiveCoastalDays(on day: UTCDay) -> Int {
        guard let start = coastalRunStartDay, let last = lastCoastalDay, day.number - last.number <= 1 else { return 0 }
        return Int(clamping: last.number - start.number + 1)
    }

    /// Coastal days in `day`'s year.
    package func coastalDaysInYear(of day: UTCDay) -> Int { day.year == coastalYear ? coastalDaysInYear : 0 }

    /// Counts a trusted observation of the terminal at `place` on `day`; `home` is the home
    /// region's index (nil: unknown, so never abroad). Returns whether a counter changed. An
    /// observation before ``lastObservedDay`` is ignored (the clock went back).
    @discardableResult
    package mutating func observe(_ place: ServicePlace, on day: UTCDay, home: Int?) -> Bool {
        if let last = lastObservedDay, day < last { return false }
        let before = self
        lastObservedDay = day
        if let region = place.region, let home {
            if region == home {
                abroadSinceDay = nil
            } else if abroadSinceDay == nil {
                abroadSinceDay = day
            }
        }
        if case .coastal = place, lastCoastalDay != day {
            if let last = lastCoastalDay, day.number - last.number == 1, coastalRunStartDay != nil {
                // The run goes on.
            } else {
                coastalRunStartDay = day
            }
            lastCoastalDay = day
            if day.year != coastalYear {
                coastalYear = day.year
                coastalDaysInYear = 0
            }
            coastalDaysInYear += 1
        }
        // Only a new day or a new place matters for the file; the day alone changes daily.
        return before != self
    }
}
