import Foundation
import Geofence

/// One zone of a policy file as written: its name, action, shape and buffer.
package struct PolicyZoneDescription: Sendable, Equatable {
    /// Where the zone's shape comes from.
    package enum Shape: Sendable, Equatable {
        /// Features of the file's GeoJSON block (`feature: {iso: CHN}` or `{name: Crimea}`).
        case feature(FeatureSelector)
        /// A circle (`circle: {lat_deg, lon_deg, radius_m}`).
        case circle(centre: GeodeticCoordinate, radiusMetres: Double)
        /// A polygon (`polygon: [[lon, lat], ...]`), closed.
        case polygon([GeodeticCoordinate])
    }

    /// The name decisions report.
    package var name: String
    /// The action inside.
    package var action: ServiceAction
    /// The shape.
    package var shape: Shape
    /// Buffer round the shape (`buffer_nm` or `buffer_m`), metres.
    package var bufferMetres: Double
    /// Where the restriction comes from (`source`), free text.
    package var source: String?
    /// The constellations the action binds (`constellations: {permitted | refused}`; all when
    /// absent): see ``ZoneRule/constellations``.
    package var constellations: ConstellationSet

    /// Creates a description.
    package init(
        name: String, action: ServiceAction, shape: Shape, bufferMetres: Double = 0, source: String? = nil,
        constellations: ConstellationSet = .all
    ) {
        self.constellations = constellations
        self.name = name
        self.action = action
        self.shape = shape
        self.bufferMetres = bufferMetres
        self.source = source
    }
}

/// A policy file, read and checked, with its zones compiled into a ``GeofencePolicy``.
///
/// Reading does not check a signature: that is the ``PolicyBundleGate``'s work (through
/// ``PolicyKeeper``), and a terminal only acts on documents the gate accepted.
package struct PolicyDocument: Sendable {
    /// Name, version, validity, example flag.
    package var header: PolicyBundleHeader
    /// The file's `note`.
    package var note: String?
    /// The zones as written, in file order (the rule order of ``geofencePolicy``).
    package var zones: [PolicyZoneDescription]
    /// The compiled policy, ready for ``GeofenceEvaluator/replacePolicy(_:)``.
    package var geofencePolicy: GeofencePolicy
    /// The file name, as given to the reader.
    package var file: String
    /// The `service_rules` section (``ServiceRules/none`` when absent).
    package var serviceRules: ServiceRules = .none

    /// The action where no zone applies.
    package var defaultAction: ServiceAction { geofencePolicy.defaultAction }

    /// The zones' outlines as rings of (longitude, latitude) — features from the GeoJSON
    /// block, polygons, circles as 72-gons — without their buffers (for maps).
    package func outlines() -> [(name: String, action: ServiceAction, rings: [[GeodeticCoordinate]], bufferMetres: Double)] {
        zones.map { zone in
            let rings: [[GeodeticCoordinate]]
            switch zone.shape {
            case .feature(let selector): rings = geoJSON?.polygons(matching: selector).flatMap(\.rings) ?? []
            case .polygon(let vertices): rings = [vertices]
            case .circle(let centre, let radius):
                rings = [(0...72).map { step in
                    let bearing = Double(step) * 5 * .pi / 180
                    let north = radius * cos(bearing) / 111_320
                    let east = radius * sin(bearing) / (111_320 * cos(centre.latitudeDegrees * .pi / 180))
                    return GeodeticCoordinate(latitudeDegrees: centre.latitudeDegrees + north, longitudeDegrees: centre.longitudeDegrees + east)
                }]
            }
            return (zone.name, zone.action, rings, zone.bufferMetres)
        }
    }
    /// The file's GeoJSON block, when it has one (for drawing the zones).
    package var geoJSON: GeoJSONDocument?

    /// Creates a document.
    package init(
        header: PolicyBundleHeader, note: String?, zones: [PolicyZoneDescription], geofencePolicy: GeofencePolicy,
        file: String, geoJSON: GeoJSONDocument? = nil
    ) {
        self.geoJSON = geoJSON
        self.header = header
        self.note = note
        self.zones = zones
        self.geofencePolicy = geofencePolicy
        self.file = file
    }
}
