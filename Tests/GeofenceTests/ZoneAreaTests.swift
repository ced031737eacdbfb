import Foundation
import Geofence
import Testing

/// Issue 14: GeoJSON that cannot make a zone is refused with the feature and why, instead of
/// being accepted as a zone nothing is ever inside (a Point or LineString without a buffer)
/// or as a polygon whose "hole" is really a second piece (a hole outside or across the
/// exterior).
@Suite struct ZoneAreaTests {
    static func collection(_ geometries: [String]) -> Data {
        let features = geometries.enumerated().map { index, geometry in
            #"{"type":"Feature","properties":{"NAME":"F\#(index)","ISO_A3":"F\#(index)X"},"geometry":\#(geometry)}"#
        }
        return Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8)
    }

    static let square = "[[0,0],[10,0],[10,10],[0,10],[0,0]]"

    func readError(_ geometries: [String]) -> GeoJSONError? {
        do {
            _ = try GeoJSONDocument(data: Self.collection(geometries), sourceName: "zones.geojson")
            return nil
        } catch {
            return error
        }
    }

    @Test func aHoleOutsideTheExteriorIsRefusedWithItsFeature() throws {
        let outside = #"{"type":"Polygon","coordinates":[\#(Self.square),[[20,20],[21,20],[21,21],[20,21],[20,20]]]}"#
        let error = try #require(readError([#"{"type":"Point","coordinates":[1,1]}"#, outside]))
        #expect(error.featureIndex == 1, "\(error)")
        #expect(error.description.contains("ring 1 (hole)") && error.description.contains("outside"), "\(error)")
    }

    @Test func aHoleAcrossTheExteriorIsRefused() throws {
        let across = #"{"type":"Polygon","coordinates":[\#(Self.square),[[5,5],[15,5],[15,6],[5,6],[5,5]]]}"#
        let error = try #require(readError([across]))
        #expect(error.featureIndex == 0)
        #expect(error.description.contains("crosses"), "\(error)")
    }

    @Test func aHoleInsideStillReads() throws {
        let inside = #"{"type":"Polygon","coordinates":[\#(Self.square),[[2,2],[2,4],[4,4],[4,2],[2,2]]]}"#
        #expect(readError([inside]) == nil)
        // Touching the exterior at a corner is allowed (OGC Simple Features).
        let touching = #"{"type":"Polygon","coordinates":[\#(Self.square),[[0,0],[2,1],[1,2],[0,0]]]}"#
        #expect(readError([touching]) == nil)
    }

    @Test(arguments: [#"{"type":"Point","coordinates":[1,1]}"#, #"{"type":"LineString","coordinates":[[1,1],[2,2]]}"#])
    func aPointOrALineWithoutABufferIsNoZone(geometry: String) throws {
        let document = try GeoJSONDocument(
            data: Self.collection([#"{"type":"Polygon","coordinates":[\#(Self.square)]}"#, geometry]), sourceName: "z")
        do {
            _ = try Zone(name: "Nothing", document: document, selecting: .isoCode("F1X"))
            Issue.record("a zone without area must be refused")
        } catch {
            #expect("\(error)".contains("feature 1 \"F1\""), "\(error)")
            #expect("\(error)".contains("buffer"), "\(error)")
        }
        // With a buffer it is a zone: the corridor or the disc around it.
        #expect(throws: Never.self) {
            try Zone(name: "Around", document: document, selecting: .isoCode("F1X"), bufferMetres: 1_000)
        }
    }
}
