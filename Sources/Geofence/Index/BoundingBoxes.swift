import Foundation

/// An axis-aligned box that ``PackedRTree`` can sort and merge.
protocol PackableBox: Sendable {
    /// Number of axes (2 for longitude/latitude, 3 for Earth-centred boxes).
    static var axisCount: Int { get }
    /// Centre of the box along an axis, for Sort-Tile-Recursive ordering.
    func centre(axis: Int) -> Double
    /// The smallest box holding both.
    func union(_ other: Self) -> Self
}

/// A longitude/latitude box in degrees; longitudes may leave [−180, 180] for unwrapped rings.
struct LonLatBox: PackableBox, Equatable {
    var west: Double
    var south: Double
    var east: Double
    var north: Double

    static var axisCount: Int { 2 }

    func centre(axis: Int) -> Double { axis == 0 ? (west + east) / 2 : (south + north) / 2 }

    func union(_ other: LonLatBox) -> LonLatBox {
        LonLatBox(
            west: min(west, other.west), south: min(south, other.south), east: max(east, other.east),
            north: max(north, other.north))
    }

    func intersects(_ other: LonLatBox) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }

    /// The box of some planar points.
    init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    init(enclosing points: [PlanarPoint]) {
        var box = LonLatBox(west: .infinity, south: .infinity, east: -.infinity, north: -.infinity)
        for point in points {
            box.west = min(box.west, point.x)
            box.east = max(box.east, point.x)
            box.south = min(box.south, point.y)
            box.north = max(box.north, point.y)
        }
        self = box
    }

    /// This box grown by at least `metres` of surface distance in every direction.
    ///
    /// Latitude grows by s / M(0) (M(0) = a(1 − e²), the smallest meridional radius); longitude
    /// by s / (a cos φ*), where φ* is the grown box's latitude nearest a pole, because a path of
    /// length s at latitudes up to φ* changes longitude by at most s / (N(φ*) cos φ*) and N ≥ a.
    /// A box that reaches within 0.01° of a pole covers all longitudes.
    func grown(byMetres metres: Double) -> LonLatBox {
        guard metres > 0 else { return self }
        let latitudeGrowth = metres / WGS84Ellipsoid.smallestMeridionalRadiusMetres * radiansToDegrees
        let grownSouth = max(south - latitudeGrowth, -90)
        let grownNorth = min(north + latitudeGrowth, 90)
        let polarLatitude = max(abs(grownSouth), abs(grownNorth))
        guard polarLatitude < 89.99 else {
            return LonLatBox(west: min(west, -540), south: grownSouth, east: max(east, 540), north: grownNorth)
        }
        let parallelRadius = WGS84Ellipsoid.semiMajorAxisMetres * cos(polarLatitude * degreesToRadians)
        let longitudeGrowth = min(metres / parallelRadius * radiansToDegrees, 360)
        return LonLatBox(
            west: west - longitudeGrowth, south: grownSouth, east: east + longitudeGrowth, north: grownNorth)
    }
}

/// An Earth-centred box in metres.
struct CartesianBox: PackableBox, Equatable {
    var minX: Double
    var minY: Double
    var minZ: Double
    var maxX: Double
    var maxY: Double
    var maxZ: Double

    static var axisCount: Int { 3 }

    init(_ point: EarthCentredPoint) {
        minX = point.x
        maxX = point.x
        minY = point.y
        maxY = point.y
        minZ = point.z
        maxZ = point.z
    }

    func centre(axis: Int) -> Double {
        switch axis {
        case 0: return (minX + maxX) / 2
        case 1: return (minY + maxY) / 2
        default: return (minZ + maxZ) / 2
        }
    }

    func union(_ other: CartesianBox) -> CartesianBox {
        var box = self
        box.minX = min(minX, other.minX)
        box.minY = min(minY, other.minY)
        box.minZ = min(minZ, other.minZ)
        box.maxX = max(maxX, other.maxX)
        box.maxY = max(maxY, other.maxY)
        box.maxZ = max(maxZ, other.maxZ)
        return box
    }

    mutating func include(_ point: EarthCentredPoint) {
        minX = min(minX, point.x)
        minY = min(minY, point.y)
        minZ = min(minZ, point.z)
        maxX = max(maxX, point.x)
        maxY = max(maxY, point.y)
        maxZ = max(maxZ, point.z)
    }

    /// Squared distance from a point to the box (0 inside): a lower bound for the squared
    /// distance to anything in it.
    func squaredDistance(to point: EarthCentredPoint) -> Double {
        let dx = max(minX - point.x, 0, point.x - maxX)
        let dy = max(minY - point.y, 0, point.y - maxY)
        let dz = max(minZ - point.z, 0, point.z - maxZ)
        return dx * dx + dy * dy + dz * dz
    }
}
