import Foundation
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
/// the threshold is crossed at most once, where its two ends lie on either side, and Newton's
/// method kept inside the piece (`NewtonRoot`, each sample giving the elevation's sine and its
/// rate) finds the crossing. Every root is found to `toleranceSeconds`.
///
/// A pass already in progress at the start rises "at" the start, one still in progress at the
/// end sets "at" the end; its culmination is the highest point inside the interval.
struct PassSearch {
    /// The elevation to be at or above, degrees.
    let thresholdDegrees: Double
    /// The precision of every root, seconds.
    let toleranceSeconds: Double
    /// sin(threshold): elevations are compared through their sines, which order the same way
    /// and cross at the same instants.
    let sineOfThreshold: Double

    /// Half-width of the first bracket tried around an interpolated culmination, seconds.
    static let peakBracketSeconds = 2.0

    init(thresholdDegrees: Double, toleranceSeconds: Double) {
        self.thresholdDegrees = thresholdDegrees
        self.toleranceSeconds = toleranceSeconds
        sineOfThreshold = sin(min(max(thresholdDegrees, -90), 90) * SkyDirection.radiansPerDegree)
    }

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
        let farCosine = cos(bound.maximumCentralAngleRadians)
        var a = try track.sample(at: 0)
        if a.sineOfElevation >= sineOfThreshold { walk.open(at: 0, truncated: true, with: a) }
        while a.seconds < durationSeconds {
            // The arc cosine is only needed where the satellite is beyond the bound's reach.
            let far = !walk.isOpen && a.cosineOfCentralAngle < farCosine
            let surelyBelow =
                far
                ? bound.secondsSurelyBelow(centralAngleRadians: a.centralAngleRadians, planeAngleRadians: a.planeAngleRadians)
                : 0
            let length = max(step, surelyBelow)
            let b = try track.sample(at: min(a.seconds + length, durationSeconds))
            if far && b.sineOfElevation < sineOfThreshold {
                // Over [a, b] the central angle and the plane angle can each come no nearer than
                // halfway between their ends' values less their largest change over the step.
                let elapsed = b.seconds - a.seconds
                let nearestCentralAngle =
                    (a.centralAngleRadians + b.centralAngleRadians
                        - bound.maximumCentralAngleRateRadiansPerSecond * elapsed) / 2
                let nearestPlaneAngle =
                    (a.planeAngleRadians + b.planeAngleRadians - bound.maximumPlaneAngleRateRadiansPerSecond * elapsed) / 2
                if length > step || max(nearestCentralAngle, nearestPlaneAngle) > bound.maximumCentralAngleRadians {
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
            if highest.map({ sample.sineOfElevation > $0.sineOfElevation }) ?? true { highest = sample }
        }

        /// One step of the walk: split at an extremum, then look for crossings in each piece.
        mutating func step(from a: TrackSample, to b: TrackSample) throws(TrackFailure) {
            let threshold = search.sineOfThreshold
            let rateA = a.sineOfElevationRate
            let rateB = b.sineOfElevationRate
            let maximum = rateA > 0 && rateB <= 0
            let minimum = rateA < 0 && rateB >= 0
            // A minimum between two ends below the threshold cannot hide a crossing.
            let needsSplit =
                maximum || (minimum && (a.sineOfElevation >= threshold || b.sineOfElevation >= threshold))
            guard needsSplit else {
                try piece(from: a, to: b)
                return
            }
            let extremum = try locateExtremum(between: a, and: b)
            let middle = try track.sample(at: extremum)
            try piece(from: a, to: middle)
            try piece(from: middle, to: b)
        }

        /// The root of the elevation's rate between `a` and `b` (of opposite signs): Brent's method,
        /// first on a bracket of ±`peakBracketSeconds` around the peak of the cubic Hermite
        /// interpolant (where it usually is), else on the part of the step that holds it.
        private func locateExtremum(between a: TrackSample, and b: TrackSample) throws(TrackFailure) -> Double {
            let track = self.track
            let rate = { (seconds: Double) throws(TrackFailure) -> Double in try track.sample(at: seconds).sineOfElevationRate }
            let span = b.seconds - a.seconds
            // A minimum is a peak of the negated function.
            let sign: Double = a.sineOfElevationRate > 0 ? 1 : -1
            let guess =
                a.seconds + span
                * NewtonRoot.hermitePeak(
                    valueAtStart: sign * a.sineOfElevation, valueAtEnd: sign * b.sineOfElevation,
                    slopeAtStart: sign * a.sineOfElevationRate * span, slopeAtEnd: sign * b.sineOfElevationRate * span)
            var lower = (a.seconds, a.sineOfElevationRate)
            var upper = (b.seconds, b.sineOfElevationRate)
            let left = max(a.seconds, guess - PassSearch.peakBracketSeconds)
            let right = min(b.seconds, guess + PassSearch.peakBracketSeconds)
            if left > a.seconds {
                let value = try rate(left)
                if (value > 0) == (lower.1 > 0) { lower = (left, value) } else { upper = (left, value) }
            }
            if right < b.seconds && right > lower.0 && right < upper.0 {
                let value = try rate(right)
                if (value > 0) == (lower.1 > 0) { lower = (right, value) } else { upper = (right, value) }
            }
            return try BrentRoot.root(
                in: lower.0, upper.0, valueAtLower: lower.1, valueAtUpper: upper.1, tolerance: search.toleranceSeconds,
                of: rate)
        }

        /// A piece over which the elevation is monotonic: at most one crossing.
        private mutating func piece(from p: TrackSample, to q: TrackSample) throws(TrackFailure) {
            let threshold = search.sineOfThreshold
            let aboveAtP = p.sineOfElevation >= threshold
            let aboveAtQ = q.sineOfElevation >= threshold
            if aboveAtP { consider(p) }
            if aboveAtP == aboveAtQ {
                if aboveAtQ { consider(q) }
                return
            }
            let track = self.track
            let crossing = try NewtonRoot.root(
                in: p.seconds, q.seconds, valueAtLower: p.sineOfElevation - threshold,
                valueAtUpper: q.sineOfElevation - threshold, derivativeAtLower: p.sineOfElevationRate,
                derivativeAtUpper: q.sineOfElevationRate, tolerance: search.toleranceSeconds
            ) { (seconds: Double) throws(TrackFailure) -> (value: Double, derivative: Double) in
                let sample = try track.sample(at: seconds)
                return (sample.sineOfElevation - threshold, sample.sineOfElevationRate)
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
