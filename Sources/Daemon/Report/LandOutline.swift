import Foundation

/// The land of the world for the report's route map, so that a reader tells sea from land:
/// Natural Earth 1:50m countries (public domain), simplified to about 1.5 km and quantised to
/// 0.01°, embedded in the binary (`LandOutline+Data.swift`, made by
/// `Tools/make_land_outline.py`). Decoded on first use; the daemon itself never touches it.
enum LandOutline {
    /// One ring of (longitude, latitude) in degrees, with its bounds.
    struct Ring: Sendable {
        var points: [(longitude: Double, latitude: Double)]
        var west: Double, east: Double, south: Double, north: Double
    }

    /// Every ring, decoded once.
    static let rings: [Ring] = decode(encoded)

    /// The rings that reach into a longitude/latitude box.
    static func rings(west: Double, east: Double, south: Double, north: Double) -> [Ring] {
        rings.filter { $0.east >= west && $0.west <= east && $0.north >= south && $0.south <= north }
    }

    static func decode(_ text: String) -> [Ring] {
        guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else { return [] }
        let bytes = [UInt8](data)
        var offset = 0
        func read16() -> Int? {
            guard offset + 2 <= bytes.count else { return nil }
            defer { offset += 2 }
            return Int(Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8))
        }
        guard bytes.count >= 4 else { return [] }
        let count = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        offset = 4
        var rings: [Ring] = []
        rings.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = read16().map({ Int(UInt16(truncatingIfNeeded: $0)) }) else { break }
            var points: [(longitude: Double, latitude: Double)] = []
            points.reserveCapacity(length)
            for _ in 0..<length {
                guard let longitude = read16(), let latitude = read16() else { break }
                points.append((Double(longitude) / 100, Double(latitude) / 100))
            }
            guard points.count >= 3 else { continue }
            let longitudes = points.map(\.longitude), latitudes = points.map(\.latitude)
            rings.append(
                Ring(
                    points: points, west: longitudes.min() ?? 0, east: longitudes.max() ?? 0, south: latitudes.min() ?? 0,
                    north: latitudes.max() ?? 0))
        }
        return rings
    }
}
