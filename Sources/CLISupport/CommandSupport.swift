import ArgumentParser
import Foundation
import Orbit
import Terminal

/// Writes one line to standard error.
package func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Pretty JSON with sorted keys, the format of every `--json` output.
package func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Loads an element-set file (TLE or OMM). Lenient unless `strict`: the bad sets are
/// reported on standard error with file, line, columns and field, the good ones used. A file
/// that is missing, unreadable or without a single usable set ends the command with
/// `CommandExitCodes.unusableInput` and the reasons: an empty answer would read as "nothing
/// in view".
package func loadElementSets(_ path: String, strict: Bool) throws -> [ElementSet] {
    let loaded: LoadedElementSets
    do {
        loaded = try ElementSetFile.load(path: path, strict: strict)
    } catch {
        printError("utermd: \(error)")
        throw CommandExitCodes.unusableInput
    }
    for error in loaded.errors { printError("utermd: \(error)") }
    if loaded.omittedErrorCount > 0 {
        printError("utermd: \(path): \(loaded.omittedErrorCount) more bad element sets not shown")
    }
    if loaded.sets.isEmpty {
        printError("utermd: \(path): no usable element set")
        throw CommandExitCodes.unusableInput
    }
    return loaded.sets
}

/// The element sets of `--elements`, or without it the built-in constellation that
/// `simulate` and `run` use (the generated Starlink shells at `epoch`), said on standard
/// error so that a reader knows the satellites are modelled, not real.
package func elementSets(from path: String?, epoch: JulianDate, strict: Bool) throws -> [ElementSet] {
    if let path { return try loadElementSets(path, strict: strict) }
    let sets = EmbeddedConstellation.elementSets(epoch: epoch)
    printError(
        "utermd: no --elements: using the built-in constellation, \(sets.count) satellites of the generated "
            + "Starlink shells at \(epoch.iso8601String()) (give --elements FILE for real element sets)")
    return sets
}

/// Parses an ISO-8601 UTC instant given on the command line, or fails naming the option.
package func parseInstant(_ text: String, option: String) throws -> JulianDate {
    do {
        return try JulianDate(iso8601: text)
    } catch {
        throw ValidationError("\(option): \(error)")
    }
}

/// Loads a board file, or the embedded simulated board when `path` is nil.
package func loadBoard(_ path: String?) throws -> BoardDescription {
    do {
        if let path { return try BoardFile.load(path: path) }
        return try BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "<embedded sim.yaml>")
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// Command-line options shared by the commands that look from a place on Earth.
package struct ObserverOptions: ParsableArguments {
    @Option(name: .customLong("lat"), help: "Observer geodetic latitude, degrees (north positive).")
    package var latitudeDegrees: Double

    @Option(name: .customLong("lon"), help: "Observer longitude, degrees (east positive).")
    package var longitudeDegrees: Double

    @Option(name: .customLong("alt-m"), help: "Observer height above the WGS-84 ellipsoid, metres.")
    package var altitudeMetres: Double = 0

    package init() {}

    package func validate() throws {
        try requireOption(latitudeDegrees, "--lat", within: -90...90, unit: " degrees")
        try requireOption(longitudeDegrees, "--lon", within: -180...360, unit: " degrees")
        try requireOption(altitudeMetres, "--alt-m", within: -1_000...100_000, unit: " metres")
    }

    package var observer: GeodeticPosition {
        GeodeticPosition(latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees, heightMetres: altitudeMetres)
    }
}

/// `text` padded with spaces (or cut) to exactly `width` characters, for table columns.
package func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
}
