import ArgumentParser
import Foundation
import Orbit

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Pretty JSON with sorted keys, the format of every `--json` output.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Loads an element-set file (TLE or OMM). Lenient unless `strict`: the bad sets are
/// reported on standard error with file, line, columns and field, the good ones used.
func loadElementSets(_ path: String, strict: Bool) throws -> [ElementSet] {
    do {
        let loaded = try ElementSetFile.load(path: path, strict: strict)
        for error in loaded.errors { printError("utermd: \(error)") }
        if loaded.omittedErrorCount > 0 {
            printError("utermd: \(path): \(loaded.omittedErrorCount) more bad element sets not shown")
        }
        if loaded.sets.isEmpty { printError("utermd: \(path): no usable element set") }
        return loaded.sets
    } catch {
        printError("utermd: \(error)")
        throw ExitCode(2)
    }
}

/// Parses an ISO-8601 UTC instant given on the command line, or fails naming the option.
func parseInstant(_ text: String, option: String) throws -> JulianDate {
    do {
        return try JulianDate(iso8601: text)
    } catch {
        throw ValidationError("\(option): \(error)")
    }
}

/// Command-line options shared by the commands that look from a place on Earth.
struct ObserverOptions: ParsableArguments {
    @Option(name: .customLong("lat"), help: "Observer geodetic latitude, degrees (north positive).")
    var latitudeDegrees: Double

    @Option(name: .customLong("lon"), help: "Observer longitude, degrees (east positive).")
    var longitudeDegrees: Double

    @Option(name: .customLong("alt-m"), help: "Observer height above the WGS-84 ellipsoid, metres.")
    var altitudeMetres: Double = 0

    func validate() throws {
        guard (-90...90).contains(latitudeDegrees) else { throw ValidationError("--lat must be within -90...90") }
        guard (-180...360).contains(longitudeDegrees) else { throw ValidationError("--lon must be within -180...360") }
        guard altitudeMetres.isFinite, (-1_000...100_000).contains(altitudeMetres) else {
            throw ValidationError("--alt-m must be within -1000...100000")
        }
    }

    var observer: GeodeticPosition {
        GeodeticPosition(latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees, heightMetres: altitudeMetres)
    }
}

/// `text` padded with spaces (or cut) to exactly `width` characters, for table columns.
func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
}
