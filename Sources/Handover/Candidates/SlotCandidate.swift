import Orbit

/// A satellite that satisfies the constraints over a whole slot, with what the policies rank
/// it by.
package struct SlotCandidate: Sendable, Hashable {
    /// NORAD catalogue number.
    package var catalogNumber: Int
    /// The network the satellite belongs to.
    package var constellation: Constellation
    /// Name from the element set.
    package var name: String
    /// Azimuth at the slot's start, degrees from north through east.
    package var startAzimuthDegrees: Double
    /// Elevation at the slot's start, degrees.
    package var startElevationDegrees: Double
    /// Azimuth at the middle of the slot, degrees.
    package var middleAzimuthDegrees: Double
    /// Elevation at the middle of the slot, degrees (`highestElevation` ranks by it).
    package var middleElevationDegrees: Double
    /// Azimuth at the slot's end, degrees.
    package var endAzimuthDegrees: Double
    /// Elevation at the slot's end, degrees.
    package var endElevationDegrees: Double
    /// Angle off the dish boresight at the middle of the slot, degrees (`smallestOffBoresight`).
    package var middleOffBoresightDegrees: Double
    /// Seconds from the slot's start for which the satellite keeps satisfying every constraint
    /// (`longestVisibility`); nil unless that policy asked for it.
    package var remainingVisibilitySeconds: Double?
    /// Terminals already assigned to this satellite for the slot (`loadBalanced`).
    package var assignedTerminals: Int

    /// A candidate from its figures (the scheduler builds them; tests and fleet tools may too).
    package init(
        catalogNumber: Int, name: String = "", startAzimuthDegrees: Double = 0, startElevationDegrees: Double,
        middleAzimuthDegrees: Double = 0, middleElevationDegrees: Double, endAzimuthDegrees: Double = 0,
        endElevationDegrees: Double, middleOffBoresightDegrees: Double, remainingVisibilitySeconds: Double? = nil,
        assignedTerminals: Int = 0, constellation: Constellation = .starlink
    ) {
        self.catalogNumber = catalogNumber
        self.constellation = constellation
        self.name = name
        self.startAzimuthDegrees = startAzimuthDegrees
        self.startElevationDegrees = startElevationDegrees
        self.middleAzimuthDegrees = middleAzimuthDegrees
        self.middleElevationDegrees = middleElevationDegrees
        self.endAzimuthDegrees = endAzimuthDegrees
        self.endElevationDegrees = endElevationDegrees
        self.middleOffBoresightDegrees = middleOffBoresightDegrees
        self.remainingVisibilitySeconds = remainingVisibilitySeconds
        self.assignedTerminals = assignedTerminals
    }
}
