import CLISupport
import Daemon
import Foundation
import Simulation
import Terminal

/// Turns a simulated run into the HTML report of `Daemon.ReportWriter`.
enum SimulationReport {
    static func write(_ result: SimulationResult, prepared: SimulationSetup.Prepared, to directory: String) throws -> URL {
        let summary = SimulationSummary(result)
        let items = [
            SimulationReportData.SummaryItem(label: "simulated", value: String(format: "%.0f s in %.1f s", summary.simulatedSeconds, summary.wallSeconds)),
            .init(label: "tracked", value: String(format: "%.0f s", summary.trackedSeconds)),
            .init(label: "transmit on", value: String(format: "%.0f s", summary.transmitOnSeconds)),
            .init(label: "handovers", value: "\(summary.handovers)"),
            .init(label: "outages", value: summary.outageSecondsByCause.sorted { $0.key < $1.key }.map { String(format: "%@ %.0f s", $0.key, $0.value) }.joined(separator: ", ")),
            .init(label: "audit records", value: "\(summary.auditRecords)"),
            .init(label: "policy", value: prepared.policyName),
            .init(
                label: "service at the end",
                value: "\(summary.disablementCode), permitted: \(summary.permittedConstellations.isEmpty ? "none" : summary.permittedConstellations.joined(separator: ", "))"),
            .init(label: "verdict", value: SimulationSummary.Outcome(result).word + (result.cutShortAtSeconds != nil ? " (cut short)" : "")),
        ] + summary.verdicts.map { .init(label: ($0.passed ? "pass: " : "FAIL: ") + $0.expectation, value: $0.detail) }
        let zones = prepared.policyDocument.outlines().map { outline in
            SimulationReportData.Zone(
                name: outline.name, action: "\(outline.action)",
                rings: outline.rings.map { ring in
                    ring.map { SimulationReportData.Zone.Vertex(longitudeDegrees: $0.longitudeDegrees, latitudeDegrees: $0.latitudeDegrees) }
                }, bufferMetres: outline.bufferMetres)
        }
        let data = SimulationReportData(
            title: "utermd simulate: \(result.scenario)", subtitle: prepared.scenario.summary, summary: items,
            history: result.history, satelliteNames: result.satelliteNames,
            route: result.track.map { .init(seconds: $0.seconds, latitudeDegrees: $0.latitudeDegrees, longitudeDegrees: $0.longitudeDegrees) },
            zones: zones,
            latencyHistogram: .init(
                title: "tick compute time", bucketUpperBoundsMicroseconds: result.computeHistogram.upperBoundsMicroseconds,
                counts: result.computeHistogram.counts, periodMicroseconds: 1e6 / Double(prepared.scenario.tickHertz)),
            events: result.events.map { .init(seconds: $0.atSeconds, text: $0.text) })
        return try ReportWriter().write(to: URL(fileURLWithPath: directory), report: data)
    }
}
