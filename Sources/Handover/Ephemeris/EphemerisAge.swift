import Orbit

/// Element sets too old to trust at an instant.
///
/// SGP4's prediction error grows with the time from epoch (kilometres per day in LEO; Vallado
/// and Cefola, "Two-line element sets – practice and use", IAC-12.C1.6.12, 2012), and Starlink
/// satellites manoeuvre often, so their published element sets are refreshed several times a
/// day; a set days old may put a satellite tens of kilometres (degrees, seen from the
/// terminal) from where it is.
public struct EphemerisAgeReport: Sendable, Hashable, CustomStringConvertible {
    /// An element set older than the threshold.
    package struct StaleElementSet: Sendable, Hashable {
        /// NORAD catalogue number.
        package var catalogNumber: Int
        /// Name from the element set.
        package var name: String
        /// Its epoch (UTC).
        package var epoch: JulianDate
        /// Days from the epoch to the instant checked.
        package var ageDays: Double
    }

    /// Default threshold, days: a choice, several refresh cycles of the published sets.
    public static let defaultThresholdDays = 3.0

    /// The instant the ages are measured at.
    package var instant: JulianDate
    /// The threshold, days.
    package var thresholdDays: Double
    /// The element sets older than the threshold, oldest first.
    package var stale: [StaleElementSet]
    /// Age of the oldest element set, days (0 for an empty constellation).
    package var oldestAgeDays: Double

    /// Whether any element set is older than the threshold.
    package var hasWarning: Bool { !stale.isEmpty }

    /// One warning line, naming up to five of the stale sets; empty when there are none.
    public var description: String {
        guard hasWarning else { return "" }
        let named = stale.prefix(5).map { "\($0.catalogNumber) \($0.name) (\(Int($0.ageDays.rounded())) d)" }
        let more = stale.count > 5 ? " and \(stale.count - 5) more" : ""
        return "warning: \(stale.count) element sets are older than \(thresholdDays) days: "
            + named.joined(separator: ", ") + more
    }
}

extension ConstellationEphemeris {
    /// The element sets more than `thresholdDays` older than `instant`.
    package func ageReport(
        at instant: JulianDate, thresholdDays: Double = EphemerisAgeReport.defaultThresholdDays
    ) -> EphemerisAgeReport {
        var stale: [EphemerisAgeReport.StaleElementSet] = []
        var oldest = 0.0
        for satellite in satellites {
            let age = instant.seconds(since: satellite.epoch) / 86_400
            oldest = max(oldest, age)
            if age > thresholdDays {
                stale.append(
                    .init(catalogNumber: satellite.catalogNumber, name: satellite.name, epoch: satellite.epoch, ageDays: age))
            }
        }
        stale.sort { ($0.ageDays, $1.catalogNumber) > ($1.ageDays, $0.catalogNumber) }
        return EphemerisAgeReport(instant: instant, thresholdDays: thresholdDays, stale: stale, oldestAgeDays: oldest)
    }
}
