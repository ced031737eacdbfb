import Foundation

/// The learned obstruction map as the dish shows it: a square image of the sky seen from
/// above the dish (north up, east right), zenith in the centre, the zenith angle growing
/// linearly to ``maximumThetaDegrees`` at the edge of the inscribed circle; each cell the SNR
/// fraction 0...1, −1 where nothing was observed (and outside the circle).
///
/// utermd learns its map on an azimuth/elevation grid (rows from the horizon up, columns from
/// north clockwise); ``resample(azimuthBinCount:elevationBinCount:signalQuality:)`` takes each
/// square cell's centre to a direction and reads the az/el cell that holds it (nearest cell,
/// no interpolation, so −1 stays −1).
package struct PolarObstructionMap: Sendable, Equatable {
    /// The dish's grid: 123 × 123.
    package static let dishSideCells = 123
    /// The lowest elevation the dish maps, degrees.
    package static let minimumElevationDegrees = 10.0
    /// The zenith angle at the edge of the image, degrees (90° − the minimum elevation).
    package static let maximumThetaDegrees = 80.0

    /// Rows (= columns).
    package let sideCells: Int
    /// Row-major values, row 0 the northern edge.
    package let signalQuality: [Float]

    /// Resamples an az/el grid (`signalQuality` row by row from the horizon up, each row
    /// `azimuthBinCount` cells from north clockwise) onto a `sideCells`-square polar image.
    /// A grid whose size does not match its counts gives an image of −1 (no data).
    package static func resample(
        azimuthBinCount: Int, elevationBinCount: Int, signalQuality: [Double], sideCells: Int = dishSideCells
    ) -> PolarObstructionMap {
        let side = max(1, sideCells)
        var image = [Float](repeating: -1, count: side * side)
        guard azimuthBinCount > 0, elevationBinCount > 0, signalQuality.count == azimuthBinCount * elevationBinCount else {
            return PolarObstructionMap(sideCells: side, signalQuality: image)
        }
        let half = Double(side) / 2
        let azimuthBinDegrees = 360 / Double(azimuthBinCount)
        let elevationBinDegrees = 90 / Double(elevationBinCount)
        for row in 0..<side {
            let north = (half - (Double(row) + 0.5)) / half * maximumThetaDegrees
            for column in 0..<side {
                let east = ((Double(column) + 0.5) - half) / half * maximumThetaDegrees
                let theta = (east * east + north * north).squareRoot()
                guard theta <= maximumThetaDegrees else { continue }
                let elevation = 90 - theta
                var azimuth = atan2(east, north) * 180 / .pi
                if azimuth < 0 { azimuth += 360 }
                let azimuthBin = min(azimuthBinCount - 1, Int(azimuth / azimuthBinDegrees))
                let elevationBin = min(elevationBinCount - 1, max(0, Int(elevation / elevationBinDegrees)))
                let value = signalQuality[elevationBin * azimuthBinCount + azimuthBin]
                image[row * side + column] = value.isFinite && value >= 0 ? Float(min(1, value)) : -1
            }
        }
        return PolarObstructionMap(sideCells: side, signalQuality: image)
    }

    /// The image cell (row, column) that holds a direction, or nil outside the image.
    package static func cell(azimuthDegrees: Double, elevationDegrees: Double, sideCells: Int = dishSideCells) -> (
        row: Int, column: Int
    )? {
        let theta = 90 - elevationDegrees
        guard theta >= 0, theta <= maximumThetaDegrees else { return nil }
        let half = Double(sideCells) / 2
        let radians = azimuthDegrees * .pi / 180
        let east = theta * sin(radians) / maximumThetaDegrees * half
        let north = theta * cos(radians) / maximumThetaDegrees * half
        let row = Int((half - north).rounded(.down))
        let column = Int((half + east).rounded(.down))
        guard (0..<sideCells).contains(row), (0..<sideCells).contains(column) else { return nil }
        return (row, column)
    }
}
