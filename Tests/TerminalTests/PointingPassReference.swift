import Beam
import Foundation
import Orbit

/// The independent truth of `PointingPassTests`: where Skyfield (1.55, python sgp4 2.27) sees
/// the serving satellite at the end of a tick's hold, from the same element sets and the same
/// site, computed by `scripts/pointing-reference.py` (provenance in `Tests/Data/README.md`).
///
/// Two files in `Tests/Data`:
/// - `pointing_pass_elements.json`, the script's input, written by the test itself when
///   `UTERMD_POINTING_PASS_ELEMENTS_OUT` names a file: the site, the start instant, the
///   satellite served in each 15 s slot and those satellites' element sets, every number with
///   17 significant digits so that python's `sgp4init` starts from the same doubles;
/// - `pointing_pass_skyfield.csv`, the script's output: for each checked tick, the served
///   satellite and its Skyfield azimuth and elevation at the tick's instant + 1 ms (the end of
///   the hold), once with UT1 = UTC (as the firmware, which has no Earth orientation
///   parameters in the tick) and once with Skyfield's own IERS UT1 − UTC.
enum PointingPassReference {
    static let elementsFile = "Tests/Data/pointing_pass_elements.json"
    static let tableFile = "Tests/Data/pointing_pass_skyfield.csv"

    /// One row of the Skyfield table.
    struct Row: Sendable {
        /// The tick whose commanded direction is judged (instant: start + tick ms).
        var tickIndex: UInt64
        /// The satellite served at that tick.
        var catalogNumber: Int
        /// Skyfield's direction at start + (tick + 1) ms with UT1 = UTC, degrees.
        var azimuthDegrees: Double
        var elevationDegrees: Double
        /// The same with Skyfield's IERS UT1 − UTC (the `delta_t` of its built-in tables).
        var azimuthDegreesIERS: Double
        var elevationDegreesIERS: Double
    }

    /// The ticks the table holds: every whole second (600, the hold check) and every third
    /// second's tick 1 (200, where the test computes the quantised beam's array-factor peak).
    static func isCheckedTick(_ tickIndex: UInt64) -> Bool {
        tickIndex % 1_000 == 0 || tickIndex % 3_000 == 1
    }

    /// Reads the table; every malformed line is an error naming the file, line and field.
    static func loadTable() throws -> [UInt64: Row] {
        let path = RepositoryFiles.path(tableFile)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [UInt64: Row] = [:]
        var sawHeader = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader {
                sawHeader = true
                continue
            }
            let fields = line.split(separator: ",").map(String.init)
            let names = ["tick", "catalog", "azimuth_deg", "elevation_deg", "azimuth_deg_iers", "elevation_deg_iers"]
            guard fields.count == names.count else {
                throw ReferenceError("\(tableFile):\(offset + 1): \(fields.count) fields, expected \(names.count)")
            }
            func number(_ index: Int) throws -> Double {
                guard let value = Double(fields[index]), value.isFinite else {
                    throw ReferenceError("\(tableFile):\(offset + 1): \(names[index]): not a number: \(fields[index])")
                }
                return value
            }
            guard let tick = UInt64(fields[0]), let catalog = Int(fields[1]) else {
                throw ReferenceError("\(tableFile):\(offset + 1): tick or catalog: not an integer")
            }
            rows[tick] = Row(
                tickIndex: tick, catalogNumber: catalog, azimuthDegrees: try number(2), elevationDegrees: try number(3),
                azimuthDegreesIERS: try number(4), elevationDegreesIERS: try number(5))
        }
        return rows
    }

    /// The script's input as the test computes it.
    struct Elements: Codable, Equatable {
        struct Site: Codable, Equatable {
            var latitudeDegrees: Double
            var longitudeDegrees: Double
            var heightMetres: Double
        }
        struct Satellite: Codable, Equatable {
            var catalogNumber: Int
            var epochJulianDay: Double
            var epochJulianFraction: Double
            var inclinationDegrees: Double
            var raanDegrees: Double
            var eccentricity: Double
            var argumentOfPerigeeDegrees: Double
            var meanAnomalyDegrees: Double
            var meanMotionRevsPerDay: Double
            var bstar: Double
            var meanMotionDot: Double
            var meanMotionDDot: Double
        }
        var site: Site
        var startUnixSeconds: Double
        var slotSeconds: Double
        var ticksPerSecond: Int
        var ticks: Int
        /// The catalogue number served in each slot, in slot order.
        var servedCatalogNumbers: [Int]
        var satellites: [Satellite]
    }

    static func elements(
        site: GeodeticPosition, startUnixSeconds: Double, plan: [Int], sets: [ElementSet], ticks: Int
    ) -> Elements {
        let served = Set(plan)
        return Elements(
            site: .init(latitudeDegrees: site.latitudeDegrees, longitudeDegrees: site.longitudeDegrees, heightMetres: site.heightMetres),
            startUnixSeconds: startUnixSeconds, slotSeconds: 15, ticksPerSecond: 1_000, ticks: ticks,
            servedCatalogNumbers: plan,
            satellites: sets.filter { served.contains($0.catalogNumber) }.sorted { $0.catalogNumber < $1.catalogNumber }.map {
                .init(
                    catalogNumber: $0.catalogNumber, epochJulianDay: $0.epoch.day, epochJulianFraction: $0.epoch.fraction,
                    inclinationDegrees: $0.inclinationDegrees, raanDegrees: $0.raanDegrees, eccentricity: $0.eccentricity,
                    argumentOfPerigeeDegrees: $0.argumentOfPerigeeDegrees, meanAnomalyDegrees: $0.meanAnomalyDegrees,
                    meanMotionRevsPerDay: $0.meanMotionRevsPerDay, bstar: $0.bstar, meanMotionDot: $0.meanMotionDot,
                    meanMotionDDot: $0.meanMotionDDot)
            })
    }

    static func encode(_ elements: Elements) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(elements)
    }

    static func loadElements() throws -> Elements {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path(elementsFile)))
        return try JSONDecoder().decode(Elements.self, from: data)
    }

    struct ReferenceError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension PointingPassReference.Row {
    /// Skyfield's direction with UT1 = UTC.
    var direction: SkyDirection { SkyDirection(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees) }
    /// Skyfield's direction with its IERS UT1 − UTC.
    var directionIERS: SkyDirection {
        SkyDirection(azimuthDegrees: azimuthDegreesIERS, elevationDegrees: elevationDegreesIERS)
    }
}
