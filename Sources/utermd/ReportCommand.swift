import ArgumentParser
import CLISupport
import Daemon
import Foundation
import Terminal

/// `utermd report --out DIR --from HISTORY_JSON`: an HTML report of what a running daemon
/// served (`curl http://127.0.0.1:9201/history > history.json`).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report (sky plot, timeline, route map) from a saved /history document.",
        discussion: """
            Saves what the status API's /history served (1 s samples) as DIR/index.html, a self-contained page. \
            Positions appear only if the daemon reported them (status_api.report_location: true). \
            `utermd simulate --report DIR` writes the same page for a simulated run, with the route, the zones \
            and the loop latency histogram.
            """)

    @Option(help: "Directory to write index.html into (created if missing).")
    var out: String

    @Option(help: "A /history JSON document.")
    var from: String

    @Option(help: "The page's title.")
    var title = "utermd history"

    func run() throws {
        guard let data = FileManager.default.contents(atPath: from) else {
            printError("utermd: \(from): cannot read the file")
            throw ExitCode(2)
        }
        let samples: [HistorySample]
        var names: [String] = []
        do {
            let document = try HistoryDocumentReader.read(data)
            samples = document.samples
            if let highest = document.satelliteNames.keys.max() {
                names = (0...highest).map { document.satelliteNames[$0] ?? "#\($0)" }
            }
        } catch {
            printError("utermd: \(from): \(error)")
            throw ExitCode(2)
        }
        let served = samples.filter { $0.servingIndex >= 0 }.count
        let transmitting = samples.reduce(0.0) { $0 + Double($1.transmitFraction) }
        let report = SimulationReportData(
            title: title, subtitle: "\(samples.count) seconds of history from \(from)",
            summary: [
                .init(label: "samples", value: "\(samples.count)"),
                .init(label: "seconds served", value: "\(served)"),
                .init(label: "transmit-on time", value: "\(Int(transmitting.rounded())) s"),
            ],
            history: samples, satelliteNames: names)
        let page = try ReportWriter().write(to: URL(fileURLWithPath: out), report: report)
        print(page.path)
    }
}
