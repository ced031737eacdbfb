import Foundation
import Geofence
import Terminal
import Testing

/// Policy files (format 1): the header, zones of every shape, GeoJSON blocks, and errors that
/// name file, line, column and field.
@Suite struct PolicyFileTests {
    static let minimal = """
        format: 1
        policy: test
        version: 3
        issued: 2026-08-01T00:00:00Z
        valid_from: 2026-08-01T00:00:00Z
        valid_until: 2027-08-01T00:00:00Z
        default: allow
        zones:
          - name: harbour
            action: receiveOnly
            circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }
          - name: box
            action: noService
            polygon: [[0, 0], [1, 0], [1, 1], [0, 1]]
            buffer_m: 1000
          - name: island
            action: noService
            feature: { iso: ISL }
            buffer_nm: 12
        geojson: |
          {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"ISO_A3": "ISL", "NAME": "Square island"},
             "geometry": {"type": "Polygon", "coordinates": [[[-20, 64], [-19, 64], [-19, 65], [-20, 65], [-20, 64]]]}}
          ]}

        """

    func errors(_ text: String) -> [DataFileError] {
        do {
            _ = try PolicyFile.parse(yaml: text, file: "p.yaml")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func readsEveryShape() throws {
        let document = try PolicyFile.parse(yaml: Self.minimal, file: "p.yaml")
        #expect(document.header.name == "test")
        #expect(document.header.version == 3)
        #expect(!document.header.isExample)
        #expect(document.defaultAction == .allow)
        #expect(document.zones.map(\.name) == ["harbour", "box", "island"])
        #expect(document.zones[2].bufferMetres == 22_224)
        let policy = document.geofencePolicy
        func action(_ latitude: Double, _ longitude: Double) -> ServiceAction {
            policy.assess(GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude)).action
        }
        #expect(action(10.02, 20) == .receiveOnly)
        #expect(action(10.1, 20) == .allow)
        #expect(action(0.5, 0.5) == .noService)
        #expect(action(-0.005, 0.5) == .noService, "inside the 1 km buffer")
        #expect(action(-0.02, 0.5) == .allow)
        #expect(action(64.5, -19.5) == .noService)
        #expect(action(63.85, -19.5) == .noService, "16.7 km south of the island: inside 12 nm")
        #expect(action(63.7, -19.5) == .allow)
        #expect(policy.assess(GeodeticCoordinate(latitudeDegrees: 64.5, longitudeDegrees: -19.5)).zoneName == "island")
    }

    @Test func problemsAreLocatedByLineColumnAndField() {
        let cases: [(String, String, Int, String, String)] = [
            ("default: allow", "default: maybe", 7, "default", "not an action"),
            ("version: 3", "version: three", 3, "version", "expected an integer"),
            ("version: 3", "version: 0", 3, "version", "positive"),
            ("valid_until: 2027-08-01T00:00:00Z", "valid_until: 2027-08-01", 6, "valid_until", "ISO-8601 UTC"),
            ("valid_until: 2027-08-01T00:00:00Z", "valid_until: 2025-08-01T00:00:00Z", 6, "valid_until", "later than"),
            ("format: 1", "format: 2", 1, "format", "not supported"),
            ("    action: receiveOnly", "    action: receive", 10, "zones[0].action", "not an action"),
            ("radius_m: 5000", "radius_m: -5", 11, "zones[0].circle.radius_m", "positive"),
            ("lat_deg: 10", "lat_deg: 100", 11, "zones[0].circle.lat_deg", "within -90...90"),
            ("[1, 1], [0, 1]]", "[1, 1], [0, 1, 2]]", 14, "zones[1].polygon[3]", "[longitude, latitude]"),
            ("    buffer_m: 1000", "    buffer_m: 1000\n    buffer_nm: 1", 16, "zones[1].buffer_nm", "not both"),
            ("feature: { iso: ISL }", "feature: { iso: FRA }", 18, "zones[2].feature", "no feature"),
            ("feature: { iso: ISL }", "feature: { code: ISL }", 18, "zones[2].feature.code", "unknown field"),
            ("  - name: box", "  - name: harbour", 12, "zones[1].name", "used twice"),
            ("policy: test", "policy: test\ncolour: red", 3, "colour", "unknown field"),
        ]
        for (old, new, line, field, message) in cases {
            let text = Self.minimal.replacingOccurrences(of: old, with: new)
            #expect(text != Self.minimal, "\(old)")
            let found = errors(text)
            #expect(
                found.contains { $0.line == line && $0.field == field && $0.message.contains(message) && $0.file == "p.yaml" },
                "\(new): \(found.map(\.description))")
            #expect(found.allSatisfy { $0.column != nil || $0.field == "geojson" || $0.line == nil })
        }
    }

    @Test func aZoneNeedsExactlyOneShape() {
        let none = Self.minimal.replacingOccurrences(of: "    circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }\n", with: "")
        #expect(errors(none).contains { $0.field == "zones[0]" && $0.message.contains("no shape") })
        let two = Self.minimal.replacingOccurrences(
            of: "    circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }",
            with: "    circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }\n    polygon: [[0, 0], [1, 0], [1, 1]]")
        #expect(errors(two).contains { $0.field == "zones[0]" && $0.message.contains("more than one shape") })
    }

    @Test func geoJSONProblemsCarryTheReadersLocation() {
        let syntax = Self.minimal.replacingOccurrences(of: "\"NAME\": \"Square island\"}", with: "\"NAME\": \"Square island\"")
        let found = errors(syntax)
        // The block starts on line 19; the broken object is its third line (file line 21/22).
        #expect(
            found.contains { $0.field == "geojson" && ($0.line ?? 0) >= 21 && $0.message.contains("invalid JSON") }, "\(found)")
        let open = Self.minimal.replacingOccurrences(of: "[-20, 65], [-20, 64]]", with: "[-20, 65], [-20, 64.5]]")
        #expect(errors(open).contains { $0.field == "geojson" && $0.message.contains("feature 0 \"Square island\"") })
        let selfCrossing = Self.minimal.replacingOccurrences(
            of: "[0, 0], [1, 0], [1, 1], [0, 1]", with: "[0, 0], [1, 1], [1, 0], [0, 1]")
        #expect(errors(selfCrossing).contains { $0.field == "zones[1].polygon" && $0.message.contains("intersect") })
        let noBlock = Self.minimal.components(separatedBy: "geojson: |")[0]
        #expect(errors(noBlock).contains { $0.field == "geojson" && $0.message.contains("no geojson block") })
        #expect(errors("format: [1\n").first?.line == 2)
        #expect(errors("").first?.message.contains("empty") == true)
    }
}
