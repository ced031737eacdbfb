import Orbit

/// The intervals when each satellite is above the visibility threshold over a stretch of time,
/// sorted by rise, with a sweep that yields, for slots taken in time order, the satellites
/// above the threshold for the whole slot.
///
/// A satellite qualifies for the slot [s, e] only if one of its intervals has rise ≤ s and
/// set ≥ e; as slots advance, intervals enter the active set when s reaches their rise and leave
/// it for good once their set is before e.
struct VisibilityWindowCache {
    struct Window {
        var satelliteIndex: Int
        var riseSeconds: Double
        var setSeconds: Double
    }

    /// The instant the seconds count from.
    var base: JulianDate { geometry.base }
    /// The observer's frame turned for this stretch of time.
    let geometry: ObserverGeometry
    /// Windows are complete up to here (seconds after `base`); a slot ending later needs a new cache.
    let durationSeconds: Double
    /// The threshold the windows were searched above, degrees.
    let thresholdDegrees: Double
    private(set) var windows: [Window]
    private var nextWindow = 0
    private var active: [Int] = []
    private var lastSlotStartSeconds = -Double.infinity

    /// Searches every satellite not yet excluded whose network is usable (`usable`, by
    /// `Constellation.ordinal`); failures are excluded and reported through `excluded` and
    /// `exclusions`.
    init(
        ephemeris: ConstellationEphemeris, predictor: PassPredictor, thresholdDegrees: Double, base: JulianDate,
        durationSeconds: Double, usable: [Bool], excluded: inout [Bool], exclusions: inout [PropagationExclusion]
    ) {
        let geometry = ObserverGeometry(frame: predictor.frame, base: base, earthOrientation: predictor.earthOrientation)
        self.geometry = geometry
        self.durationSeconds = durationSeconds
        self.thresholdDegrees = thresholdDegrees
        var windows: [Window] = []
        for index in ephemeris.propagators.indices where !excluded[index] {
            let satellite = ephemeris.satellites[index]
            guard usable[satellite.constellation.ordinal] else { continue }
            let outcome = predictor.visibilityIntervals(
                of: ephemeris.reference(at: index), satellite: satellite, geometry: geometry, durationSeconds: durationSeconds,
                thresholdDegrees: thresholdDegrees
            ) { interval in
                windows.append(Window(satelliteIndex: index, riseSeconds: interval.riseSeconds, setSeconds: interval.setSeconds))
            }
            if case .failed(let error, let seconds) = outcome {
                excluded[index] = true
                exclusions.append(
                    PropagationExclusion(
                        catalogNumber: satellite.catalogNumber, name: satellite.name, error: error,
                        instant: base.adding(seconds: seconds)))
            }
        }
        windows.sort { ($0.riseSeconds, $0.satelliteIndex) < ($1.riseSeconds, $1.satelliteIndex) }
        self.windows = windows
    }

    /// Whether a slot ending `endSeconds` after `base` lies within the searched stretch.
    func covers(startSeconds: Double, endSeconds: Double) -> Bool {
        startSeconds >= 0 && endSeconds <= durationSeconds
    }

    /// The windows (indices into `windows`) that contain the whole slot; slots should come in
    /// time order (an earlier slot restarts the sweep).
    mutating func windowsContaining(startSeconds: Double, endSeconds: Double, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        if startSeconds < lastSlotStartSeconds {
            nextWindow = 0
            active.removeAll(keepingCapacity: true)
        }
        lastSlotStartSeconds = startSeconds
        while nextWindow < windows.count && windows[nextWindow].riseSeconds <= startSeconds {
            active.append(nextWindow)
            nextWindow += 1
        }
        var kept = 0
        for position in active.indices {
            let window = active[position]
            // A window setting before this slot ends cannot contain any later slot either.
            guard windows[window].setSeconds >= endSeconds else { continue }
            active[kept] = window
            kept += 1
            result.append(window)
        }
        active.removeLast(active.count - kept)
    }
}
