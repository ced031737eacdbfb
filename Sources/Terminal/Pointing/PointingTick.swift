import Beam
import Handover
import Orbit
import Platform
import RealTime

/// The beam-pointing work of one real-time tick: read the latest serving assignment, find
/// the serving satellite's direction at the tick's scheduled UTC, and steer the array there,
/// writing quantised phase codes into a buffer owned by this value.
///
/// Nothing here allocates, locks or waits: the assignment arrives through a wait-free
/// mailbox, the phase buffer is allocated once in `init` and freed in `deinit`, and the
/// tracker's propagators are built before the loop starts. At a slot boundary the tick
/// switches to the next satellite exactly, because the scheduler publishes the next slot's
/// satellite ahead of time (`ServingAssignment`).
public struct PointingTick: TickBody, ~Copyable {
    /// Where the satellites are, seen from where the terminal is.
    package private(set) var tracker: SatelliteTracker
    /// The phased array.
    package let array: PhasedArray
    /// Which link's carrier to steer for.
    package let link: LinkDirection
    /// Where the scheduler publishes assignments.
    package let assignments: LatestValueMailbox<ServingAssignment>
    /// What the last tick did.
    public private(set) var lastSample: PointingSample = .idle
    private var assignment: ServingAssignment = .none
    private let codes: UnsafeMutableBufferPointer<UInt8>

    /// Builds the tick body; `assignments` is read each tick.
    public init(
        tracker: SatelliteTracker, array: PhasedArray, link: LinkDirection = .transmit,
        assignments: LatestValueMailbox<ServingAssignment>
    ) {
        self.tracker = tracker
        self.array = array
        self.link = link
        self.assignments = assignments
        codes = .allocate(capacity: array.elementCount)
        codes.initialize(repeating: 0)
    }

    deinit { codes.deallocate() }

    /// Moves the terminal (from a new position fix); the next tick points from there.
    package mutating func moveObserver(to observer: GeodeticPosition) {
        tracker.move(to: observer)
    }

    /// Puts refreshed element sets in use from this tick on; returns the ephemeris replaced
    /// (see `SatelliteTracker.exchangeEphemeris`).
    package mutating func exchangeEphemeris(_ refreshed: ConstellationEphemeris) -> ConstellationEphemeris {
        tracker.exchangeEphemeris(refreshed)
    }

    /// Resets what the tick reports, for ticks that do not point (service forbidden).
    package mutating func idle(_ context: TickContext, status: PointingSample.Status) {
        if let updated = assignments.readIfUpdated() { assignment = updated }
        var sample = PointingSample.idle
        sample.tickIndex = context.tickIndex
        sample.status = status
        if let utc = context.scheduledUTC {
            sample.utcNanoseconds = utc.nanosecondsSinceUnixEpoch
            sample.satelliteIndex = assignment.satellite(atUnixNanoseconds: utc.nanosecondsSinceUnixEpoch)
        }
        lastSample = sample
    }

    /// The satellite (tracker index, -1: none) the assignment schedules at the tick's UTC,
    /// after taking a newer assignment from the mailbox: what `tick` will steer toward.
    package mutating func scheduledSatellite(_ context: TickContext) -> Int32 {
        if let updated = assignments.readIfUpdated() { assignment = updated }
        guard let utc = context.scheduledUTC else { return -1 }
        return assignment.satellite(atUnixNanoseconds: utc.nanosecondsSinceUnixEpoch)
    }

    /// The assignment in force (as last read from the mailbox).
    package var currentAssignment: ServingAssignment { assignment }

    /// The phase codes of the last successful steering, in element order.
    package func withPhaseCodes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(codes))
    }

    public mutating func tick(_ context: TickContext) {
        if let updated = assignments.readIfUpdated() { assignment = updated }
        var sample = PointingSample.idle
        sample.tickIndex = context.tickIndex
        defer { lastSample = sample }
        guard let utc = context.scheduledUTC else { return }
        sample.utcNanoseconds = utc.nanosecondsSinceUnixEpoch
        let satellite = assignment.satellite(atUnixNanoseconds: utc.nanosecondsSinceUnixEpoch)
        sample.satelliteIndex = satellite
        guard satellite >= 0, Int(satellite) < tracker.count else {
            sample.status = .noSatellite
            return
        }
        let look: LookAngles
        do {
            look = try tracker.lookAngles(satellite: Int(satellite), at: Self.julianDate(utc))
        } catch {
            sample.status = .propagationFailed
            return
        }
        sample.azimuthDegrees = look.azimuthDegrees
        sample.elevationDegrees = look.elevationDegrees
        do {
            let solution = try array.steer(
                toward: SkyDirection(azimuthDegrees: look.azimuthDegrees, elevationDegrees: look.elevationDegrees),
                link: link, into: codes)
            sample.status = .steered
            sample.offBoresightDegrees = solution.offBoresightDegrees
            sample.scanLossDecibels = solution.scanLossDecibels
        } catch .belowHorizon {
            sample.status = .belowHorizon
        } catch {
            sample.status = .outsideScanCone
        }
    }

    /// The Julian date of a UTC instant, split so that nanoseconds survive: whole days from
    /// the Unix epoch, then the fraction of the day.
    @inline(__always)
    static func julianDate(_ utc: UTCInstant) -> JulianDate {
        let nanosecondsPerDay: Int64 = 86_400_000_000_000
        let (days, rest) = utc.nanosecondsSinceUnixEpoch.quotientAndRemainder(dividingBy: nanosecondsPerDay)
        let (wholeDays, remainder) = rest < 0 ? (days - 1, rest + nanosecondsPerDay) : (days, rest)
        return JulianDate(day: JulianDate.unixEpoch.day + Double(wholeDays), fraction: Double(remainder) / Double(nanosecondsPerDay))
    }
}
