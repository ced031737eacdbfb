import Foundation
import Orbit

/// Checks one satellite against the angular constraints at the sample instants of a slot, and
/// gathers the figures the policies rank by.
struct CandidateEvaluator {
    /// What a satellite amounts to for one slot.
    enum Outcome {
        /// It satisfies every constraint at every sample.
        case qualifies(SlotCandidate)
        /// It satisfies every constraint but the obstruction map at some sample.
        case obstructedOnly
        /// It leaves the scan cone or comes too near the GSO arc.
        case rejected
    }

    /// The verdict at one instant.
    enum SampleVerdict {
        case clear
        case obstructed
        case excluded
    }

    let boresightUnitVector: SIMD3<Double>
    let scanLimitDegrees: Double
    let gsoSeparationDegrees: Double
    let arc: GeostationaryArc
    let obstructionMap: ObstructionMap
    let checksObstruction: Bool
    let sampleCount: Int

    /// Safety factor on the fastest apparent motion seen at the three samples, for the motion
    /// in between (the apparent rate changes by a few per cent over a slot).
    static let angularRateMargin = 1.5

    init(constraints: CandidateConstraints, arc: GeostationaryArc) {
        boresightUnitVector = constraints.boresight.unitVector
        scanLimitDegrees = min(max(constraints.scanLimitDegrees, 0), 180)
        gsoSeparationDegrees = arc.isVisible ? constraints.gsoSeparationDegrees : 0
        self.arc = arc
        obstructionMap = constraints.obstructionMap
        checksObstruction = constraints.obstructionMap.blocksAnything
        sampleCount = constraints.effectiveSamplesPerSlot
    }

    /// The verdict for a line of sight (east-north-up, any length), and by how many degrees
    /// the direction could move before the scan-cone or GSO verdict might change (0 when it
    /// is not known to be clear of either).
    @inline(__always)
    func verdict(lineOfSight: SIMD3<Double>) -> (verdict: SampleVerdict, marginDegrees: Double) {
        let unit = lineOfSight / (lineOfSight * lineOfSight).sum().squareRoot()
        var margin = scanLimitDegrees - SkyDirection.angleDegrees(unit, boresightUnitVector)
        if margin < 0 { return (.excluded, 0) }
        if gsoSeparationDegrees > 0 {
            let lowerBound = arc.separationLowerBoundDegrees(fromUnitVector: unit) - gsoSeparationDegrees
            if lowerBound < 0 && arc.isWithin(gsoSeparationDegrees, ofUnitVector: unit) { return (.excluded, 0) }
            margin = min(margin, max(lowerBound, 0))
        }
        if checksObstruction {
            let angles = SkyDirection.azimuthElevationDegrees(of: unit)
            if obstructionMap.isObstructed(azimuthDegrees: angles.azimuth, elevationDegrees: angles.elevation) {
                return (.obstructed, margin)
            }
        }
        return (.clear, margin)
    }

    /// Evaluates the satellite of `track` over the slot `[startSeconds, endSeconds]`.
    ///
    /// The start, middle and end are always sampled. The scan cone and the GSO separation are
    /// distances on the sphere of directions, which change no faster than the direction moves;
    /// every instant of the slot is within a quarter slot of one of the three samples, so when
    /// each sample is clear of both limits by more than the motion possible in a quarter slot
    /// (the fastest apparent rate seen, times `angularRateMargin`), the slot is clear
    /// throughout. Otherwise, or when an obstruction map is in force (its cells are not
    /// distances), all `sampleCount` instants are checked.
    ///
    /// `boundary` carries a sample from one slot to the next: a sample at `startSeconds` in it
    /// is used instead of propagating again, and the slot's end sample is left in it.
    func evaluate(
        track: SkyTrack, satellite: ConstellationEphemeris.Satellite, startSeconds: Double, endSeconds: Double,
        assignedTerminals: Int, boundary: inout TrackSample?
    ) throws(TrackFailure) -> Outcome {
        let durationSeconds = endSeconds - startSeconds
        let start: TrackSample
        if let carried = boundary, carried.seconds == startSeconds {
            start = carried
        } else {
            start = try track.sample(at: startSeconds)
        }
        let middle = try track.sample(at: startSeconds + durationSeconds / 2)
        let end = try track.sample(at: endSeconds)
        boundary = end
        // Three calls rather than a loop over an array literal, which would allocate per slot;
        // a struct rather than a local function capturing variables, whose boxes a debug build
        // allocates at every call.
        var samples = SampleSummary()
        guard samples.admits(start, verdict(lineOfSight: start.lineOfSightKilometres)),
            samples.admits(middle, verdict(lineOfSight: middle.lineOfSightKilometres)),
            samples.admits(end, verdict(lineOfSight: end.lineOfSightKilometres))
        else { return .rejected }
        var obstructed = samples.obstructed
        let reach = CandidateEvaluator.angularRateMargin * samples.fastestDegreesPerSecond * durationSeconds / 4
        if checksObstruction || samples.marginDegrees <= reach {
            let spacing = durationSeconds / Double(sampleCount - 1)
            for index in 1..<(sampleCount - 1) where index != sampleCount / 2 {
                let lineOfSight = try track.lineOfSight(at: startSeconds + Double(index) * spacing)
                switch verdict(lineOfSight: lineOfSight).verdict {
                case .excluded: return .rejected
                case .obstructed: obstructed = true
                case .clear: break
                }
            }
        }
        if obstructed { return .obstructedOnly }
        let startAngles = SkyDirection.azimuthElevationDegrees(of: start.lineOfSightKilometres)
        let middleAngles = SkyDirection.azimuthElevationDegrees(of: middle.lineOfSightKilometres)
        let endAngles = SkyDirection.azimuthElevationDegrees(of: end.lineOfSightKilometres)
        return .qualifies(
            SlotCandidate(
                catalogNumber: satellite.catalogNumber, name: satellite.name,
                startAzimuthDegrees: startAngles.azimuth, startElevationDegrees: startAngles.elevation,
                middleAzimuthDegrees: middleAngles.azimuth, middleElevationDegrees: middleAngles.elevation,
                endAzimuthDegrees: endAngles.azimuth, endElevationDegrees: endAngles.elevation,
                middleOffBoresightDegrees: SkyDirection.angleDegrees(middle.lineOfSightKilometres, boresightUnitVector),
                assignedTerminals: assignedTerminals, constellation: satellite.constellation))
    }

    /// The last instant, stepping by `spacingSeconds` from `fromSeconds` up to `untilSeconds`
    /// (where the satellite sets below the visibility threshold), at which every constraint
    /// still holds; `untilSeconds` when none fails before it.
    func lastSatisfyingSeconds(
        track: SkyTrack, fromSeconds: Double, spacingSeconds: Double, untilSeconds: Double
    ) throws(TrackFailure) -> Double {
        var last = fromSeconds
        var step = 1
        while true {
            let seconds = fromSeconds + Double(step) * spacingSeconds
            if seconds >= untilSeconds { return untilSeconds }
            if case .clear = verdict(lineOfSight: try track.lineOfSight(at: seconds)).verdict {
                last = seconds
            } else {
                return last
            }
            step += 1
        }
    }
}

/// What the start, middle and end samples of a slot say together: the smallest margin to the
/// constraints, the fastest angular rate, and whether any was obstructed.
struct SampleSummary {
    var obstructed = false
    var marginDegrees = Double.infinity
    var fastestDegreesPerSecond = 0.0

    /// Adds a sample and its verdict; false when the verdict excludes the satellite.
    mutating func admits(
        _ sample: TrackSample, _ verdict: (verdict: CandidateEvaluator.SampleVerdict, marginDegrees: Double)
    ) -> Bool {
        switch verdict.verdict {
        case .excluded: return false
        case .obstructed: obstructed = true
        case .clear: break
        }
        marginDegrees = min(marginDegrees, verdict.marginDegrees)
        fastestDegreesPerSecond = max(fastestDegreesPerSecond, sample.angularRateDegreesPerSecond)
        return true
    }
}
