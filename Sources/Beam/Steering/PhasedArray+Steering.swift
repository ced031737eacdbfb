/// Steering: local look angles → array-frame direction cosines → per-element phase codes.
///
/// Per call: one sine and one cosine for each of azimuth and elevation, three dot products
/// for the mount rotation, one logarithm for the scan loss; per element two multiply-adds, a
/// truncation and a mask (no trigonometry, no allocation). The phase of element n is
///
///     φₙ = −k(xₙu + yₙv) + cₙ   wrapped to [0°, 360°),  code = round(φₙ / step) mod 2^bits
///
/// with k = 2π/λ at the link's carrier and cₙ the calibration offset. Phase steering is
/// exact only at the carrier: across a band the beam squints (the direction error grows as
/// (f − f₀)/f₀ · tan θ), which true-time-delay arrays avoid (Mailloux, §1.1.4).
extension PhasedArray {
    /// Checks that `target` is above the horizon and inside the scan cone, and returns it
    /// in the array frame.
    ///
    /// - Throws: `SteeringError.invalidLookAngles`, `.belowHorizon` or `.outsideScanCone`.
    package func admit(_ target: SkyDirection) throws(SteeringError) -> ArrayFrameDirection {
        guard target.azimuthDegrees.isFinite, target.elevationDegrees.isFinite,
            abs(target.elevationDegrees) <= 90
        else { throw .invalidLookAngles(target) }
        guard target.elevationDegrees >= 0 else { throw .belowHorizon(elevationDegrees: target.elevationDegrees) }
        let direction = mountFrame.arrayDirection(toward: target)
        // The limit is inclusive; the tolerance absorbs rounding in the mount rotation.
        guard direction.w >= cosineScanLimit - 1e-12 else {
            throw .outsideScanCone(
                offBoresightDegrees: direction.offBoresightDegrees, limitDegrees: configuration.scanLimitDegrees)
        }
        return direction
    }

    /// Steers the `activeLink` beam toward `target`, writing one phase-shifter code per
    /// element (element order, see `elementPositionsMetres`) into `codes`.
    ///
    /// Allocation-free: `codes` is the caller's, preallocated with `elementCount` entries.
    /// - Throws: `SteeringError`; on a throw `codes` is left untouched.
    package func steer(
        toward target: SkyDirection, into codes: UnsafeMutableBufferPointer<UInt8>
    ) throws(SteeringError) -> SteeringSolution {
        try steer(toward: target, link: activeLink, into: codes)
    }

    /// Steers the beam of `link` toward `target`, writing phase codes into `codes`
    /// (`elementCount` entries, element order). See `steer(toward:into:)`.
    package func steer(
        toward target: SkyDirection, link: LinkDirection, into codes: UnsafeMutableBufferPointer<UInt8>
    ) throws(SteeringError) -> SteeringSolution {
        guard codes.count == elementCount else {
            throw .bufferSizeMismatch(expected: elementCount, actual: codes.count)
        }
        let direction = try admit(target)
        let table = table(link)
        calibrationTurns.withUnsafeBufferPointer { calibration in
            table.writeCodes(
                u: direction.u, v: direction.v, calibrationTurns: calibration,
                stateCount: phaseShifter.stateCount, into: codes)
        }
        return SteeringSolution(
            direction: direction, link: link, carrierHertz: table.carrierHertz,
            scanLossDecibels: configuration.scanLoss.lossDecibels(cosineOffBoresight: direction.w))
    }

    /// Steers into an array the caller owns (`elementCount` entries). Allocation-free when
    /// `codes` is uniquely referenced, as a buffer kept across ticks is.
    package func steer(
        toward target: SkyDirection, link: LinkDirection, into codes: inout [UInt8]
    ) throws(SteeringError) -> SteeringSolution {
        try codes.withUnsafeMutableBufferPointer { (buffer) throws(SteeringError) -> SteeringSolution in
            try steer(toward: target, link: link, into: buffer)
        }
    }

    /// The unquantised steering phases for `link` toward `target`, degrees in [0, 360), in
    /// element order (for inspection and the command line; `steer` is what hardware gets).
    package func steeringPhasesDegrees(
        toward target: SkyDirection, link: LinkDirection, into phases: UnsafeMutableBufferPointer<Double>
    ) throws(SteeringError) -> SteeringSolution {
        guard phases.count == elementCount else {
            throw .bufferSizeMismatch(expected: elementCount, actual: phases.count)
        }
        let direction = try admit(target)
        let table = table(link)
        calibrationTurns.withUnsafeBufferPointer { calibration in
            table.writePhasesDegrees(u: direction.u, v: direction.v, calibrationTurns: calibration, into: phases)
        }
        return SteeringSolution(
            direction: direction, link: link, carrierHertz: table.carrierHertz,
            scanLossDecibels: configuration.scanLoss.lossDecibels(cosineOffBoresight: direction.w))
    }

    /// The phase each code applies, degrees, in element order (a convenience that allocates).
    package func phasesDegrees(ofCodes codes: [UInt8]) -> [Double] {
        codes.map { phaseShifter.phaseDegrees(forCode: $0) }
    }
}
