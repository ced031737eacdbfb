import Foundation
import Geofence
import Orbit
import Terminal

/// Reads a `/history` document (``StatusJSON/history(_:totalSamples:reportLocation:)``) back
/// into samples, so `utermd report --from FILE` can draw what a running daemon served.
package enum HistoryDocumentReader {
    /// Why a document could not be read.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        package var description: String
    }

    /// The samples of a document.
    package static func samples(from data: Data) throws(Failure) -> [HistorySample] {
        try read(data).samples
    }

    /// The samples of a document and the satellite names it gives (`serving_name`), by index.
    package static func read(_ data: Data) throws(Failure) -> (samples: [HistorySample], satelliteNames: [Int32: String]) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Where the text stops being JSON, as an editor counts (not Foundation's error text).
            throw Failure(description: "not JSON: " + (JSONSyntaxLocation(of: error, in: data)?.description ?? "syntax error"))
        }
        guard let document = object as? [String: Any] else { throw Failure(description: "not a JSON object") }
        guard let utc = document["utc_s"] as? [NSNumber] else {
            throw Failure(description: "no utc_s array: not a /history document")
        }
        func column<T>(_ key: String, _ convert: (Any) -> T?) throws(Failure) -> [T?] {
            guard let values = document[key] else { return Array(repeating: nil, count: utc.count) }
            guard let array = values as? [Any], array.count == utc.count else {
                throw Failure(description: "\(key) is not an array of \(utc.count) values")
            }
            return array.map(convert)
        }
        let number: (Any) -> Double? = { ($0 as? NSNumber)?.doubleValue }
        let text: (Any) -> String? = { $0 as? String }
        let states = try column("state", text)
        let serving = try column("serving_index", number)
        let azimuths = try column("azimuth_deg", number)
        let elevations = try column("elevation_deg", number)
        let transmit = try column("transmit_fraction", number)
        let tracking = try column("tracking_fraction", number)
        let actions = try column("geofence_action", text)
        let outages = try column("outage_cause", text)
        let compute = try column("max_compute_us", number)
        let ticks = try column("ticks", number)
        let latitudes = try column("latitude_deg", number)
        let longitudes = try column("longitude_deg", number)
        let names = try column("serving_name", text)
        var satelliteNames: [Int32: String] = [:]
        let samples = utc.indices.map { index in
            var sample = HistorySample.empty
            sample.utcSeconds = utc[index].int64Value
            sample.state = states[index].flatMap { name in TerminalState.allCases.first { $0.description == name } } ?? .boot
            sample.servingIndex = Int32(clamping: Int(serving[index] ?? -1))
            sample.azimuthDegrees = Float(azimuths[index] ?? 0)
            sample.elevationDegrees = Float(elevations[index] ?? 0)
            sample.transmitFraction = Float(transmit[index] ?? 0)
            sample.trackingFraction = Float(tracking[index] ?? 0)
            sample.geofenceAction = UInt8(
                actions[index].flatMap { ServiceAction(name: $0) }?.rawValue ?? ServiceAction.noService.rawValue)
            sample.outageCause =
                outages[index].flatMap { name in OutageCause.allCases.first { $0.description == name } }?.rawValue ?? 255
            sample.maximumComputeNanoseconds = UInt32(clamping: Int((compute[index] ?? 0) * 1_000))
            sample.ticks = UInt16(clamping: Int(ticks[index] ?? 0))
            sample.latitudeDegrees = latitudes[index] ?? .nan
            sample.longitudeDegrees = longitudes[index] ?? .nan
            if sample.servingIndex >= 0, let name = names[index] { satelliteNames[sample.servingIndex] = name }
            return sample
        }
        return (samples, satelliteNames)
    }
}
