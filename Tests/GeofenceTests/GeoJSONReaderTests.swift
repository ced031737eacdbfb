import Foundation
import Geofence
import Testing

@Suite struct GeoJSONReaderTests {
    @Test func readsPolygonWithHoleAndScalarProperties() throws {
        let document = try Fixtures.document("square-with-hole.geojson")
        #expect(document.sourceName == "square-with-hole.geojson")
        let feature = try #require(document.features.first)
        #expect(feature.name == "Square")
        #expect(feature.properties["escaped"] == "café \"quoted\"")
        #expect(feature.properties["note"] == nil)
        #expect(feature.properties["nested"] == nil)
        let polygon = try #require(feature.geometry?.polygons.first)
        #expect(polygon.exterior.count == 5)
        #expect(polygon.holes.count == 1)
        #expect(polygon.holes[0][1] == coordinate(4, 6))
        // ISO_A3 is "-99" (as for France in Natural Earth); ADM0_A3 still selects it.
        #expect(document.features(matching: .isoCode("sqr")).count == 1)
        #expect(document.features(matching: .isoCode("-99")).count == 1)
        #expect(document.features(matching: .name("square")).count == 1)
        #expect(document.features(matching: .name("circle")).isEmpty)
    }

    @Test func readsLoneFeatureAndBareGeometry() throws {
        let feature = try GeoJSONDocument(
            data: Data(#"{"geometry":{"coordinates":[1.5e1,-2E-1,100],"type":"Point"},"type":"Feature","properties":null}"#.utf8),
            sourceName: "point")
        #expect(feature.features.first?.geometry == .point(coordinate(-0.2, 15)))
        let line = try GeoJSONDocument(
            data: Data(#" { "type" : "LineString", "coordinates" : [ [ -0.000001, 0.1234567890123456789 ], [ 1, 2 ] ] } "#.utf8),
            sourceName: "line")
        let vertices = try #require(line.features.first?.geometry?.lines.first?.vertices)
        #expect(vertices[0].longitudeDegrees == -0.000001)
        #expect(vertices[0].latitudeDegrees == 0.1234567890123456789)
    }

    @Test func openRingNamesFileFeatureAndRing() throws {
        let error = try #require(Fixtures.readError("open-ring.geojson"))
        #expect(error.source == "open-ring.geojson")
        #expect(error.featureIndex == 1)
        #expect(error.featureName == "Openland")
        guard case .invalidGeometry(let location, .ringNotClosed) = error.problem else {
            Issue.record("unexpected problem \(error.problem)")
            return
        }
        #expect(location == GeometryLocation(polygon: 0, ring: 0))
        #expect(error.description.contains("open-ring.geojson: feature 1 \"Openland\""))
        #expect(error.description.contains("not closed"))
    }

    @Test func nanCoordinateIsNamed() throws {
        let error = try #require(Fixtures.readError("nan-coordinate.geojson"))
        #expect(error.featureName == "Nanland")
        guard case .invalidGeometry(let location, .invalidCoordinate(let vertex, let bad)) = error.problem else {
            Issue.record("unexpected problem \(error.problem)")
            return
        }
        #expect(location == GeometryLocation(polygon: 1, ring: 0))
        #expect(vertex == 2)
        #expect(bad.longitudeDegrees.isNaN)
    }

    @Test func outOfRangeLatitude() throws {
        let error = try #require(Fixtures.readError("out-of-range.geojson"))
        guard case .invalidGeometry(_, .invalidCoordinate(2, let bad)) = error.problem else {
            Issue.record("unexpected problem \(error.problem)")
            return
        }
        #expect(bad.latitudeDegrees == 95.5)
        #expect(error.description.contains("Polaris"))
    }

    @Test func selfIntersectionIsReported() throws {
        let error = try #require(Fixtures.readError("self-intersection.geojson"))
        guard case .invalidGeometry(_, .selfIntersection(let edge, let other, _)) = error.problem else {
            Issue.record("unexpected problem \(error.problem)")
            return
        }
        #expect((edge, other) == (0, 2))
        #expect(error.description.contains("Bowtie"))
        #expect(error.description.contains("intersects itself"))
        // The check can be switched off (for example for trusted, pre-validated data).
        #expect(
            Fixtures.readError("self-intersection.geojson", options: GeoJSONReadOptions(checksSelfIntersections: false)) == nil)
    }

    @Test func tooFewPositions() throws {
        let error = try #require(Fixtures.readError("too-few-positions.geojson"))
        #expect(error.problem == .invalidGeometry(GeometryLocation(polygon: 0, ring: 0), .tooFewPositions(count: 3, minimum: 4)))
    }

    @Test func truncatedFileGivesEndOfInputInsideFeature() throws {
        let error = try #require(Fixtures.readError("truncated-countries.geojson"))
        #expect(error.problem == .unexpectedEndOfInput)
        #expect(error.featureIndex == 0)
        #expect(error.featureName == "Zimbabwe")
        #expect(error.byteOffset == 6_000)
        #expect(error.description.contains("truncated"))
    }

    @Test func wrongNestingForPolygon() throws {
        let error = try #require(Fixtures.readError("wrong-geometry-nesting.geojson"))
        guard case .wrongType(let message) = error.problem else {
            Issue.record("unexpected problem \(error.problem)")
            return
        }
        #expect(message.contains("Polygon"))
        #expect(error.featureName == "Flat")
    }

    @Test func wrongFeatureTypeAndNullGeometry() throws {
        let error = try #require(Fixtures.readError("wrong-feature-type.geojson"))
        #expect(error.featureIndex == 1)
        #expect(error.featureName == "Typo")
        #expect(error.problem == .wrongType("feature has \"Featur\", expected \"Feature\""))
    }

    @Test func geometryCollectionIsUnsupported() throws {
        let error = try #require(Fixtures.readError("geometry-collection.geojson"))
        #expect(error.problem == .unsupportedGeometry("GeometryCollection"))
    }

    @Test(arguments: [
        (#"[1, 2]"#, "GeoJSON object"),
        (#"{"type": "FeatureCollection"}"#, "features"),
        (#"{"type": 7}"#, "must be a string"),
        (#"{"type": "Feature", "properties": {}}"#, "geometry"),
        (#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]} x"#, "after the end"),
        (#"{"type": "Point", "coordinates": [1, "2"]}"#, "only numbers"),
        (#"{"type": "Point", "coordinates": [1]}"#, "longitude and latitude"),
        (#"{"type": "Hexagon", "coordinates": [1, 2]}"#, "unknown geometry"),
        (#"{"type": "Point", "coordinates": [1, 2], }"#, "expected"),
        (#"{"type": "Point" "coordinates": [1, 2]}"#, "expected ',' or '}'"),
        (#"{"type": "Point", "coordinates": [1e, 2]}"#, "exponent"),
    ])
    func malformedDocuments(text: String, expected: String) {
        do {
            _ = try GeoJSONDocument(data: Data(text.utf8), sourceName: "inline")
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.hasPrefix("inline"))
        }
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let text = #"{"type": "Feature", "geometry": null, "properties": {"deep": "# + String(repeating: "[", count: 100_000)
        do {
            _ = try GeoJSONDocument(data: Data(text.utf8), sourceName: "deep")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("nesting deeper"))
        }
    }

    @Test func sizeAndPositionLimits() throws {
        let tooLarge = Fixtures.readError("square-with-hole.geojson", options: GeoJSONReadOptions(maximumFileBytes: 100))
        guard case .fileTooLarge(let bytes, 100)? = tooLarge?.problem else {
            Issue.record("unexpected \(String(describing: tooLarge))")
            return
        }
        #expect(bytes > 100)
        let tooMany = Fixtures.readError("square-with-hole.geojson", options: GeoJSONReadOptions(maximumPositions: 7))
        #expect(tooMany?.problem == .tooManyPositions(limit: 7))
        let missing = Fixtures.readError("no-such-file.geojson")
        guard case .unreadable? = missing?.problem else {
            Issue.record("unexpected \(String(describing: missing))")
            return
        }
    }
}

@Suite struct LargeInputTests {
    /// A 50 000-vertex ring (a circle drawn in degrees) read with the self-intersection sweep,
    /// then indexed: checks that the sweep stays near O(n log n) and that nothing overflows.
    @Test func largeRingReadsAndIndexes() throws {
        let count = 50_000
        var text = #"{"type":"Polygon","coordinates":[["#
        for index in 0...count {
            let angle = Double(index % count) / Double(count) * 2 * Double.pi
            text += (index == 0 ? "" : ",") + "[\(10 + 5 * cos(angle)),\(20 + 5 * sin(angle))]"
        }
        text += "]]}"
        let document = try GeoJSONDocument(data: Data(text.utf8), sourceName: "circle")
        let zone = try Zone(name: "Big", document: document, selecting: .all)
        #expect(zone.contains(coordinate(20, 10)))
        #expect(!zone.contains(coordinate(20, 15.1)))
    }
}
