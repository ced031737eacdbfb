import ArgumentParser
import CLISupport
import Foundation
import Orbit

/// `utermd propagate`: TEME position and velocity of every satellite at an instant.
struct PropagateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propagate",
        abstract: "Propagate every element set with SGP4/SDP4 and print TEME position (km) and velocity (km/s).")

    @Option(help: "Element sets: TLE (2- or 3-line) or CelesTrak OMM (JSON or CSV).")
    var elements: String

    @Option(help: "UTC instant, ISO-8601, e.g. 2026-08-22T19:00:00Z.")
    var at: String

    @Flag(help: "Fail on the first bad element set instead of skipping it.")
    var strict = false

    @Flag(help: "Print JSON.")
    var json = false

    /// One satellite's state or error (the JSON fields of `propagate --json`).
    struct Propagated: Codable {
        var name: String
        var catalogNumber: Int
        var positionKilometres: [Double]?
        var velocityKilometresPerSecond: [Double]?
        var error: String?
    }

    func run() throws {
        let instant = try parseInstant(at, option: "--at")
        let results = try loadElementSets(elements, strict: strict).map { set in
            do {
                let state = try SGP4Propagator(elements: set).propagate(to: instant)
                let r = state.positionKilometres, v = state.velocityKilometresPerSecond
                return Propagated(
                    name: set.name, catalogNumber: set.catalogNumber, positionKilometres: [r.x, r.y, r.z],
                    velocityKilometresPerSecond: [v.x, v.y, v.z])
            } catch {
                return Propagated(name: set.name, catalogNumber: set.catalogNumber, error: "\(error)")
            }
        }
        if json {
            print(try jsonText(results))
        } else {
            printTable(results)
        }
        // Every set's error is printed above; with not one state there is no answer.
        if results.allSatisfy({ $0.error != nil }) {
            printError("utermd: no element set could be propagated to \(at)")
            throw CommandExitCodes.unusableInput
        }
    }

    private func printTable(_ results: [Propagated]) {
        for result in results {
            if let r = result.positionKilometres, let v = result.velocityKilometresPerSecond {
                let numbers = String(
                    format: "r = [%14.6f %14.6f %14.6f] km  v = [%11.8f %11.8f %11.8f] km/s", r[0], r[1], r[2], v[0], v[1], v[2])
                print(String(format: "%6d ", result.catalogNumber) + column(result.name, 24) + " " + numbers)
            } else {
                print(String(format: "%6d ", result.catalogNumber) + column(result.name, 24) + " error: " + (result.error ?? ""))
            }
        }
    }
}
