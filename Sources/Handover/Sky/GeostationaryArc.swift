import Foundation
import Orbit

/// The geostationary arc in an observer's sky, and how far a direction is from it.
///
/// Starlink terminals must not point at geostationary satellites: the beams turn off within
/// 22° of the GSO arc (SpaceX's FCC filings protect GSO networks by such an exclusion angle;
/// 22° is the separation the design notes take from them). The arc is the set
/// of directions from the observer to the points at radius r_GSO = 42,164 km in the equatorial
/// plane, P(λ) = r_GSO (cos λ, sin λ, 0) in Earth-fixed coordinates for every longitude λ
/// (r_GSO = (μ/ω⊕²)^⅓ with μ = 398,600.4418 km³/s² and ω⊕ = 7.2921159e-5 rad/s,
/// i.e. 42,164.17 km).
///
/// The separation of a line of sight u (unit vector) from the arc is
///
///     min over λ of ∠(u, d(λ)),   d(λ) = (P(λ) − O) / |P(λ) − O|,
///
/// O the observer's Earth-fixed position, taken over the part of the arc above the
/// observer's horizon (a geostationary satellite below it cannot be interfered with). The
/// minimum is found in two steps: d(λ) is tabulated at every 1° of longitude at
/// construction, plus the two points where the arc meets the horizon; a query takes the
/// tabulated direction with the largest dot product with u, then refines λ between its
/// neighbours by golden-section search on ∠(u, d(λ)). Between two
/// neighbours the arc is at most `maximumTableSpacingDegrees` (~1.2°) long, so the closest
/// tabulated direction is within half of that (`tableToleranceDegrees`) of the true minimum;
/// `isWithin` uses this bound to skip the refinement when the answer is clear.
package struct GeostationaryArc: Sendable {
    /// Radius of the geostationary orbit, kilometres (42,164.17 km from μ and the sidereal day).
    package static let radiusKilometres = 42_164.0
    /// Longitude step of the table, degrees.
    static let tableStepDegrees = 1.0

    /// The observer.
    package let observer: GeodeticPosition
    let frame: TopocentricFrame
    /// Longitudes (radians) of the tabulated arc points above the horizon, ascending, kept
    /// unwrapped through ±180°: one step apart, except the two ends, which are the points where
    /// the arc meets the horizon.
    let longitudesRadians: [Double]
    /// Unit east-north-up directions to those points.
    let directions: [SIMD3<Double>]
    /// The largest angle between consecutive tabulated directions, degrees.
    let maximumTableSpacingDegrees: Double

    /// Tabulates the visible arc for `observer`.
    package init(observer: GeodeticPosition) {
        self.observer = observer
        let frame = TopocentricFrame(observer: observer)
        self.frame = frame
        let stepCount = Int(360 / GeostationaryArc.tableStepDegrees)
        // Start half a turn from the observer's longitude, so the visible part, centred on the
        // observer's meridian, comes out as one run of consecutive entries.
        let startDegrees = observer.longitudeDegrees - 180
        func longitude(_ step: Int) -> Double {
            (startDegrees + Double(step) * GeostationaryArc.tableStepDegrees) * SkyDirection.radiansPerDegree
        }
        var longitudes: [Double] = []
        var directions: [SIMD3<Double>] = []
        for step in 0..<stepCount {
            let direction = GeostationaryArc.direction(longitudeRadians: longitude(step), frame: frame)
            if direction.z >= 0 {
                if longitudes.isEmpty, step > 0 {
                    // The arc rises between the previous step and this one: start at the horizon.
                    let rise = GeostationaryArc.horizonCrossing(from: longitude(step - 1), to: longitude(step), frame: frame)
                    longitudes.append(rise)
                    directions.append(GeostationaryArc.direction(longitudeRadians: rise, frame: frame))
                }
                longitudes.append(longitude(step))
                directions.append(direction)
            } else if !longitudes.isEmpty {
                // It sets between the previous step and this one: end at the horizon.
                let set = GeostationaryArc.horizonCrossing(from: longitude(step - 1), to: longitude(step), frame: frame)
                longitudes.append(set)
                directions.append(GeostationaryArc.direction(longitudeRadians: set, frame: frame))
                break
            }
        }
        var spacing = 0.0
        for index in directions.indices.dropFirst() {
            spacing = max(spacing, SkyDirection.angleDegrees(directions[index - 1], directions[index]))
        }
        longitudesRadians = longitudes
        self.directions = directions
        maximumTableSpacingDegrees = spacing
    }

    /// Whether any of the arc is above the observer's horizon (not so beyond ~81° latitude).
    package var isVisible: Bool { !directions.isEmpty }

    /// The angle between the direction (`azimuthDegrees`, `elevationDegrees`) and the nearest
    /// point of the visible geostationary arc, degrees; `.infinity` when no arc is visible.
    package func separationDegrees(azimuthDegrees: Double, elevationDegrees: Double) -> Double {
        separationDegrees(
            fromUnitVector: SkyDirection.unitVector(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees))
    }

    /// The visible arc as azimuth/elevation pairs (degrees) every `tableStepDegrees` of
    /// longitude, in order along the arc, for plotting.
    package var visibleArcDegrees: [(azimuthDegrees: Double, elevationDegrees: Double)] {
        directions.map { direction in
            let angles = SkyDirection.azimuthElevationDegrees(of: direction)
            return (angles.azimuth, angles.elevation)
        }
    }

    /// How far the nearest tabulated direction can be beyond the true nearest point: half the
    /// largest spacing, plus 0.001° for the arc being slightly longer than its chord.
    var tableToleranceDegrees: Double { maximumTableSpacingDegrees / 2 + 1e-3 }

    /// Whether the unit ENU direction `u` is closer than `thresholdDegrees` to the arc.
    func isWithin(_ thresholdDegrees: Double, ofUnitVector u: SIMD3<Double>) -> Bool {
        guard let nearest = nearestTableIndex(to: u) else { return false }
        let coarse = SkyDirection.angleDegrees(u, directions[nearest])
        if coarse < thresholdDegrees { return true }
        if coarse >= thresholdDegrees + tableToleranceDegrees { return false }
        return refinedSeparationDegrees(u, around: nearest) < thresholdDegrees
    }

    /// A lower bound of the separation of the unit ENU direction `u` from the arc, degrees,
    /// without refinement (the nearest tabulated direction's angle less the table tolerance);
    /// `.infinity` when no arc is visible.
    func separationLowerBoundDegrees(fromUnitVector u: SIMD3<Double>) -> Double {
        guard let nearest = nearestTableIndex(to: u) else { return .infinity }
        return SkyDirection.angleDegrees(u, directions[nearest]) - tableToleranceDegrees
    }

    /// The separation of the unit ENU direction `u` from the arc, degrees.
    func separationDegrees(fromUnitVector u: SIMD3<Double>) -> Double {
        guard let nearest = nearestTableIndex(to: u) else { return .infinity }
        return refinedSeparationDegrees(u, around: nearest)
    }

    private func nearestTableIndex(to u: SIMD3<Double>) -> Int? {
        var best = -1
        var bestDot = -Double.infinity
        directions.withUnsafeBufferPointer { table in
            for index in table.indices {
                let dot = (table[index] * u).sum()
                if dot > bestDot {
                    bestDot = dot
                    best = index
                }
            }
        }
        return best >= 0 ? best : nil
    }

    /// Golden-section search of ∠(u, d(λ)) between the neighbours of table entry `index`.
    private func refinedSeparationDegrees(_ u: SIMD3<Double>, around index: Int) -> Double {
        var low = index > 0 ? longitudesRadians[index - 1] : longitudesRadians[index]
        var high = index + 1 < longitudesRadians.count ? longitudesRadians[index + 1] : longitudesRadians[index]
        if high <= low { return SkyDirection.angleDegrees(u, directions[index]) }
        func angle(_ longitude: Double) -> Double {
            SkyDirection.angleDegrees(u, GeostationaryArc.direction(longitudeRadians: longitude, frame: frame))
        }
        let inverseGolden = (5.0.squareRoot() - 1) / 2
        var left = high - inverseGolden * (high - low)
        var right = low + inverseGolden * (high - low)
        var leftValue = angle(left)
        var rightValue = angle(right)
        // 40 steps shrink 2° of longitude to ~1e-8°, far below anything a threshold needs.
        for _ in 0..<40 {
            if leftValue < rightValue {
                high = right
                right = left
                rightValue = leftValue
                left = high - inverseGolden * (high - low)
                leftValue = angle(left)
            } else {
                low = left
                left = right
                leftValue = rightValue
                right = low + inverseGolden * (high - low)
                rightValue = angle(right)
            }
        }
        return min(leftValue, rightValue, SkyDirection.angleDegrees(u, directions[index]))
    }

    /// The longitude between `a` and `b` (one above the horizon, one below) where the arc meets
    /// the horizon, by 50 bisections of the bracket.
    static func horizonCrossing(from a: Double, to b: Double, frame: TopocentricFrame) -> Double {
        var below = direction(longitudeRadians: a, frame: frame).z >= 0 ? b : a
        var above = below == a ? b : a
        for _ in 0..<50 {
            let middle = (below + above) / 2
            if direction(longitudeRadians: middle, frame: frame).z >= 0 { above = middle } else { below = middle }
        }
        return above
    }

    /// The unit ENU direction from the observer to the arc point at `longitudeRadians`.
    static func direction(longitudeRadians longitude: Double, frame: TopocentricFrame) -> SIMD3<Double> {
        let point = SIMD3(radiusKilometres * cos(longitude), radiusKilometres * sin(longitude), 0)
        let enu = frame.enuKilometres(ofECEFPosition: point)
        return enu / (enu * enu).sum().squareRoot()
    }
}
