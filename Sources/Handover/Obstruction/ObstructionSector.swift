/// A static obstruction from configuration: everything from the horizon up to
/// `maximumElevationDegrees` within an azimuth sector is blocked, as a building or a tree
/// line seen from the dish blocks it.
public struct ObstructionSector: Sendable, Hashable {
    /// A name for reports ("house", "tree line").
    package var label: String
    /// Where the sector starts, degrees from north through east.
    package var azimuthFromDegrees: Double
    /// Where it ends, clockwise from `azimuthFromDegrees`; a sector may wrap through north
    /// (from 330° to 20°). Equal ends mean the whole horizon.
    package var azimuthToDegrees: Double
    /// The top of the obstruction, degrees above the horizon.
    package var maximumElevationDegrees: Double

    /// A sector blocking the sky clockwise from `azimuthFromDegrees` to `azimuthToDegrees` up to
    /// `maximumElevationDegrees`.
    package init(
        label: String = "", azimuthFromDegrees: Double, azimuthToDegrees: Double, maximumElevationDegrees: Double
    ) {
        self.label = label
        self.azimuthFromDegrees = azimuthFromDegrees
        self.azimuthToDegrees = azimuthToDegrees
        self.maximumElevationDegrees = maximumElevationDegrees
    }

    /// The sector's width clockwise, degrees in (0, 360].
    package var widthDegrees: Double {
        let width = SkyDirection.normalisedAzimuthDegrees(azimuthToDegrees - azimuthFromDegrees)
        return width == 0 ? 360 : width
    }

    /// Whether the direction is blocked by this sector (edges included).
    package func blocks(azimuthDegrees: Double, elevationDegrees: Double) -> Bool {
        guard elevationDegrees <= maximumElevationDegrees else { return false }
        let offset = SkyDirection.normalisedAzimuthDegrees(azimuthDegrees - azimuthFromDegrees)
        return offset <= widthDegrees
    }
}
