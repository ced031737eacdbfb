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
    /// cos(scan limit): a line of sight whose dot product with the boresight is below it is
    /// outside the cone.
    let cosineOfScanLimit: Double
    let gsoSeparationDegrees: Double
    let arc: GeostationaryArc
    let obstructionMap: ObstructionMap
    let checksObstruction: Bool
    let sampleCount: Int

    init(constraints: CandidateConstraints, arc: GeostationaryArc) {
        boresightUnitVector = constraints.boresight.unitVector
        cosineOfScanLimit = cos(min(max(constraints.scanLimitDegrees, 0), 180) * SkyDirection.radiansPerDegree)
        gsoSeparationDegrees = arc.isVisible ? constraints.gsoSeparationDegrees : 0
        self.arc = arc
        obstructionMap = constraints.obstructionMap
        checksObstruction = constraints.obstructionMap.blocksAnything
        sampleCount = constraints.effectiveSamplesPerSlot
    }

    /// The verdict for a line of sight (east-north-up, any length).
    @inline(__always)
    func verdict(lineOfSight: SIMD3<Double>) -> SampleVerdict {
        let unit = lineOfSight / (lineOfSight * lineOfSight).sum().squareRoot()
        if (unit * boresightUnitVector).sum() < cosineOfScanLimit { return .excluded }
        if gsoSeparationDegrees > 0 && arc.isWithin(gsoSeparationDegrees, ofUnitVector: unit) { return .excluded }
        if checksObstruction {
            let angles = SkyDirection.azimuthElevationDegrees(of: unit)
            if obstructionMap.isObstructed(azimuthDegrees: angles.azimuth, elevationDegrees: angles.elevation) {
                return .obstructed
            }
        }
        return .clear
    }

    /// Evaluates the satellite of `track` over the slot `[startSeconds, startSeconds + durationSeconds]`.
    func evaluate(
        track: SkyTrack, satellite: ConstellationEphemeris.Satellite, startSeconds: Double, durationSeconds: Double,
        assignedTerminals: Int
    ) throws(TrackFailure) -> Outcome {
        let spacing = durationSeconds / Double(sampleCount - 1)
        let middleIndex = sampleCount / 2
        var obstructed = false
        var start = SIMD3<Double>.zero
        var middle = SIMD3<Double>.zero
        var end = SIMD3<Double>.zero
        for index in 0..<sampleCount {
            let seconds = index == sampleCount - 1 ? startSeconds + durationSeconds : startSeconds + Double(index) * spacing
            let lineOfSight = try track.lineOfSight(at: seconds)
            switch verdict(lineOfSight: lineOfSight) {
            case .excluded: return .rejected
            case .obstructed: obstructed = true
            case .clear: break
            }
            if index == 0 { start = lineOfSight }
            if index == middleIndex { middle = lineOfSight }
            if index == sampleCount - 1 { end = lineOfSight }
        }
        if obstructed { return .obstructedOnly }
        let startAngles = SkyDirection.azimuthElevationDegrees(of: start)
        let middleAngles = SkyDirection.azimuthElevationDegrees(of: middle)
        let endAngles = SkyDirection.azimuthElevationDegrees(of: end)
        return .qualifies(
            SlotCandidate(
                catalogNumber: satellite.catalogNumber, name: satellite.name,
                startAzimuthDegrees: startAngles.azimuth, startElevationDegrees: startAngles.elevation,
                middleAzimuthDegrees: middleAngles.azimuth, middleElevationDegrees: middleAngles.elevation,
                endAzimuthDegrees: endAngles.azimuth, endElevationDegrees: endAngles.elevation,
                middleOffBoresightDegrees: SkyDirection.angleDegrees(middle, boresightUnitVector),
                assignedTerminals: assignedTerminals))
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
            if case .clear = verdict(lineOfSight: try track.lineOfSight(at: seconds)) {
                last = seconds
            } else {
                return last
            }
            step += 1
        }
    }
}
