import ArgumentParser
import CLISupport
import Foundation
import Orbit

/// `utermd look`: every satellite above an elevation, seen from a place at an instant.
struct LookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "look",
        abstract: "List the satellites above an elevation as seen from a place at an instant.",
        discussion: "Azimuth is from true north through east; range rate is positive when the satellite recedes.")

    @Option(
        help: "Element sets: TLE (2- or 3-line) or CelesTrak OMM (JSON or CSV) (default: the built-in constellation at --at).")
    var elements: String?

    @OptionGroup var place: ObserverOptions

    @Option(help: "UTC instant, ISO-8601, e.g. 2026-08-22T19:00:00Z.")
    var at: String

    @Option(help: "Minimum elevation, degrees.")
    var minElevation: Double = 0

    @Flag(help: "Fail on the first bad element set instead of skipping it.")
    var strict = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        try requireOption(minElevation, "--min-elevation", within: -90...90, unit: " degrees")
    }

    /// One satellite in view (the JSON fields of `look --json`).
    struct Sighting: Codable {
        var name: String
        var catalogNumber: Int
        var azimuthDegrees: Double
        var elevationDegrees: Double
        var rangeKilometres: Double
        var rangeRateKilometresPerSecond: Double
    }

    func run() throws {
        let instant = try parseInstant(at, option: "--at")
        let sets = try elementSets(from: elements, epoch: instant, strict: strict)
        let frame = TopocentricFrame(observer: place.observer)
        let transform = TEMEToECEFTransform(at: instant)
        var failures = 0
        var sightings: [Sighting] = []
        for set in sets {
            do {
                let state = try SGP4Propagator(elements: set).propagate(to: instant)
                let look = frame.lookAngles(to: state, using: transform)
                guard look.elevationDegrees >= minElevation else { continue }
                sightings.append(
                    Sighting(
                        name: set.name, catalogNumber: set.catalogNumber, azimuthDegrees: look.azimuthDegrees,
                        elevationDegrees: look.elevationDegrees, rangeKilometres: look.rangeKilometres,
                        rangeRateKilometresPerSecond: look.rangeRateKilometresPerSecond))
            } catch {
                failures += 1
            }
        }
        sightings.sort { ($0.elevationDegrees, $1.catalogNumber) > ($1.elevationDegrees, $0.catalogNumber) }
        if failures > 0 { printError("utermd: \(failures) satellites could not be propagated to \(at) (see `utermd propagate`)") }
        if failures == sets.count {
            printError("utermd: no element set could be propagated to \(at): no answer")
            throw CommandExitCodes.unusableInput
        }
        if json {
            print(try jsonText(sightings))
            return
        }
        print("\(sightings.count) satellites above \(minElevation)° at \(instant.iso8601String()):")
        print("  catalog  name                       az°     el°     range km  rate km/s")
        for s in sightings {
            let numbers = String(
                format: "%6.2f  %6.2f  %9.3f  %+8.4f", s.azimuthDegrees, s.elevationDegrees, s.rangeKilometres,
                s.rangeRateKilometresPerSecond)
            print("  " + String(format: "%6d", s.catalogNumber) + "  " + column(s.name, 24) + " " + numbers)
        }
    }
}
