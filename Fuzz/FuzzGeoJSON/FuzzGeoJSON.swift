import Foundation
import FuzzSupport
import Geofence

/// libFuzzer entry: GeoJSON zone files, read with the policy loader's checks (ring closure,
/// ranges, self-intersections), then indexed and queried as a policy would be.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? GeoJSONDocument(data: bytes, sourceName: "fuzz") else { return 0 }
    guard let zone = try? Zone(name: "fuzz", document: document, selecting: .all, bufferMetres: 1_000) else { return 0 }
    keep(zone.contains(GeodeticCoordinate(latitudeDegrees: -33.92, longitudeDegrees: 18.42), marginMetres: 100))
    keep(zone.signedDistanceMetres(to: GeodeticCoordinate(latitudeDegrees: 0, longitudeDegrees: 179.9)))
    return 0
}
