import Foundation

/// Obstruction figures in the dish's vocabulary (`obstruction_stats` as starlink-grpc-tools
/// reads it): the fraction of the usable sky that is obstructed, and the same per 30° wedge.
package struct ObstructionStatistics: Sendable, Hashable {
    /// Obstructed share of the sky above the minimum elevation, by solid angle, in [0, 1]
    /// (`fraction_obstructed`). Cells never observed count as clear.
    package var fractionObstructed: Double
    /// The same for each of 12 azimuth wedges of 30°, wedge k covering azimuths
    /// [30k°, 30(k+1)°) clockwise from north (`wedge_fraction_obstructed`).
    package var wedgeFractionObstructed: [Double]
    /// Share of the sky above the minimum elevation, by solid angle, that has learned data or a
    /// static sector, in [0, 1]: how much of the map rests on knowledge.
    package var fractionKnown: Double
}

extension ObstructionMap {
    /// Number of wedges the dish reports.
    package static let wedgeCount = 12

    /// The obstruction figures over the sky above `minimumElevationDegrees` (the part the
    /// terminal can use; 25° by default, see `CandidateConstraints`).
    ///
    /// Each cell is weighted by its solid angle above the minimum elevation,
    /// Δa · (sin e_top − sin max(e_bottom, e_min)), and counts as obstructed when a static sector
    /// covers its centre or its learned quality is below `obstructedBelowSignalQuality`. A cell
    /// belongs to the wedge of its centre azimuth.
    package func statistics(minimumElevationDegrees: Double = CandidateConstraints.defaultMinimumElevationDegrees)
        -> ObstructionStatistics
    {
        var wedgeObstructed = Array(repeating: 0.0, count: ObstructionMap.wedgeCount)
        var wedgeTotal = Array(repeating: 0.0, count: ObstructionMap.wedgeCount)
        var known = 0.0
        let floorDegrees = min(max(minimumElevationDegrees, 0), 90)
        for row in 0..<elevationBinCount {
            let bottom = Double(row) * elevationBinDegrees
            let top = bottom + elevationBinDegrees
            guard top > floorDegrees else { continue }
            let weight =
                sin(top * SkyDirection.radiansPerDegree) - sin(max(bottom, floorDegrees) * SkyDirection.radiansPerDegree)
            let centreElevation = (max(bottom, floorDegrees) + top) / 2
            for column in 0..<azimuthBinCount {
                let centreAzimuth = (Double(column) + 0.5) * azimuthBinDegrees
                let wedge = min(Int(centreAzimuth / 30), ObstructionMap.wedgeCount - 1)
                let quality = signalQuality[row * azimuthBinCount + column]
                let inSector = staticSectors.contains {
                    $0.blocks(azimuthDegrees: centreAzimuth, elevationDegrees: centreElevation)
                }
                wedgeTotal[wedge] += weight
                if inSector || quality >= 0 { known += weight }
                if inSector || (quality >= 0 && quality < obstructedBelowSignalQuality) {
                    wedgeObstructed[wedge] += weight
                }
            }
        }
        let total = wedgeTotal.reduce(0, +)
        let obstructed = wedgeObstructed.reduce(0, +)
        return ObstructionStatistics(
            fractionObstructed: total > 0 ? obstructed / total : 0,
            wedgeFractionObstructed: zip(wedgeObstructed, wedgeTotal).map { $1 > 0 ? $0 / $1 : 0 },
            fractionKnown: total > 0 ? known / total : 0)
    }
}
