import Orbit

/// One stretch of time during which a satellite is at or above the threshold elevation, in
/// seconds after the start of the search.
struct VisibilityInterval {
    var riseSeconds: Double
    var setSeconds: Double
    var culminationSeconds: Double
    var maximumElevationDegrees: Double
    var culminationAzimuthDegrees: Double
    /// The satellite was already above the threshold at the start (`riseSeconds` is 0).
    var risesBeforeStart: Bool
    /// It is still above at the end (`setSeconds` is the duration).
    var setsAfterEnd: Bool
}

/// The search for the intervals when one satellite is above a threshold elevation: a coarse
/// walk, then root finding.
///
/// The walk samples the elevation and its time derivative every period / 20 (as Skyfield's
/// `find_events` does), except where `VisibilityBound` proves the satellite below the
/// threshold, which it jumps over, and it skips the refinement of steps whose two ends are far
/// enough that the satellite cannot come near in between. Within a step there is at most one
/// extremum of elevation (one culmination per pass; the next is an orbit away); a change of sign
/// of the derivative locates it, Brent's method finds it (the culmination is a root of
/// d(elevation)/dt), and it splits the step into two monotonic pieces. In a monotonic piece
/// the threshold is crossed at most once, where its two ends lie on either side, and Brent's
/// method finds the crossing. Every root is found to `toleranceSeconds`.
///
/// A pass already in progress at the start rises "at" the start, one still in progress at the
/// end sets "at" the end; its culmination is the highest point inside the interval.
struct PassSearch {
    /// The elevation to be at or above, degrees.
    let thresholdDegrees: Double
    /// The precision of every root, seconds.
    let toleranceSeconds: Double

    /// Calls `emit` with each interval of `track` above the threshold in `0 ... durationSeconds`,
    /// in time order.
    /// - Throws: the first propagation failure, with its time.
    func intervals(
        of track: SkyTrack, bound: VisibilityBound, durationSeconds: Double,
        emit: (VisibilityInterval) -> Void
    ) throws(TrackFailure) {
        guard durationSeconds > 0, !bound.neverVisible else { return }
        var walk = Walk(search: self, track: track)
        let step = min(bound.periodSeconds / 20, 21_600)
        var a = try track.sample(at: 0)
        if a.elevationDegrees >= thresholdDegrees { walk.open(at: 0, truncated: true, with: a) }
        while a.seconds < durationSeconds {
            let surelyBelow = walk.isOpen ? 0 : bound.secondsSurelyBelow(centralAngleRadians: a.centralAngleRadians)
            let length = max(step, surelyBelow)
            let b = try track.sample(at: min(a.seconds + length, durationSeconds))
            if !walk.isOpen && b.elevationDegrees < thresholdDegrees {
                let nearestCentralAngle =
                    (a.centralAngleRadians + b.centralAngleRadians
                        - bound.maximumCentralAngleRateRadiansPerSecond * (b.seconds - a.seconds)) / 2
                if length > step || nearestCentralAngle > bound.maximumCentralAngleRadians {
                    a = b
                    continue
                }
            }
            try walk.step(from: a, to: b)
            if let done = walk.takeCompleted() { emit(done) }
            a = b
        }
        if walk.isOpen {
            walk.close(at: durationSeconds, truncated: true)
            if let done = walk.takeCompleted() { emit(done) }
        }
    }

    /// The state of the walk: the pass in progress, if any, and the one just completed (a step
    /// completes at most one: its pieces are monotonic around at most one extremum).
    private struct Walk {
        let search: PassSearch
        let track: SkyTrack
        private(set) var isOpen = false
        private var riseSeconds = 0.0
        private var risesBeforeStart = false
        private var highest: TrackSample?
        private var completed: VisibilityInterval?

        init(search: PassSearch, track: SkyTrack) {
            self.search = search
            self.track = track
        }

        mutating func takeCompleted() -> VisibilityInterval? {
            defer { completed = nil }
            return completed
        }

        mutating func open(at seconds: Double, truncated: Bool, with sample: TrackSample?) {
            isOpen = true
            riseSeconds = seconds
            risesBeforeStart = truncated
            highest = sample
        }

        mutating func close(at seconds: Double, truncated: Bool) {
            isOpen = false
            guard let highest else { return }
            completed = VisibilityInterval(
                    riseSeconds: riseSeconds, setSeconds: seconds, culminationSeconds: highest.seconds,
                    maximumElevationDegrees: highest.elevationDegrees, culminationAzimuthDegrees: highest.azimuthDegrees,
                    risesBeforeStart: risesBeforeStart, setsAfterEnd: truncated)
            self.highest = nil
        }

        private mutating func consider(_ sample: TrackSample) {
            if highest.map({ sample.elevationDegrees > $0.elevationDegrees }) ?? true { highest = sample }
        }

        /// One step of the walk: split at an extremum, then look for crossings in each piece.
        mutating func step(from a: TrackSample, to b: TrackSample) throws(TrackFailure) {
            let threshold = search.thresholdDegrees
            let rateA = a.elevationRateDegreesPerSecond
            let rateB = b.elevationRateDegreesPerSecond
            let maximum = rateA > 0 && rateB <= 0
            let minimum = rateA < 0 && rateB >= 0
            // A minimum between two ends below the threshold cannot hide a crossing.
            let needsSplit =
                maximum || (minimum && (a.elevationDegrees >= threshold || b.elevationDegrees >= threshold))
            guard needsSplit else {
                try piece(from: a, to: b)
                return
            }
            let track = self.track
            let extremum = try BrentRoot.root(
                in: a.seconds, b.seconds, valueAtLower: rateA, valueAtUpper: rateB, tolerance: search.toleranceSeconds
            ) { (seconds: Double) throws(TrackFailure) -> Double in
                try track.sample(at: seconds).elevationRateDegreesPerSecond
            }
            let middle = try track.sample(at: extremum)
            try piece(from: a, to: middle)
            try piece(from: middle, to: b)
        }

        /// A piece over which the elevation is monotonic: at most one crossing.
        private mutating func piece(from p: TrackSample, to q: TrackSample) throws(TrackFailure) {
            let threshold = search.thresholdDegrees
            let aboveAtP = p.elevationDegrees >= threshold
            let aboveAtQ = q.elevationDegrees >= threshold
            if aboveAtP { consider(p) }
            if aboveAtP == aboveAtQ {
                if aboveAtQ { consider(q) }
                return
            }
            let track = self.track
            let crossing = try BrentRoot.root(
                in: p.seconds, q.seconds, valueAtLower: p.elevationDegrees - threshold,
                valueAtUpper: q.elevationDegrees - threshold, tolerance: search.toleranceSeconds
            ) { (seconds: Double) throws(TrackFailure) -> Double in
                try track.sample(at: seconds).elevationDegrees - threshold
            }
            if aboveAtQ {
                open(at: crossing, truncated: false, with: nil)
                consider(q)
            } else {
                close(at: crossing, truncated: false)
            }
        }
    }
}
