import Foundation
import Terminal

/// The merged campaign as one HTML page with inline SVG plots (no script, no external
/// file): the totals, the violations with their shrunk cases, the runs per kind of event,
/// and histograms of the transmit-on fraction and of the wall time per run.
package enum CampaignReportPage {
    /// The page's HTML.
    package static func html(_ report: CampaignReport) -> String {
        let verdict = report.violations.isEmpty ? "0 violations" : "\(report.violations.count) VIOLATIONS"
        var body = """
            <h1>utermd campaign, seed \(report.seed)</h1>
            <p class="\(report.violations.isEmpty ? "ok" : "bad")"><b>\(verdict)</b> in \(report.runs) runs:
            \(report.ticks) ticks, \(report.invariantChecks) invariant checks, \(report.shards.count) shards,
            \(String(format: "%.1f", report.wallSeconds)) s of wall time summed over shards.</p>
            """
        if !report.violations.isEmpty {
            body += "<h2>Violations</h2><table><tr><th>run</th><th>invariant</th><th>detail</th><th>shrunk case</th><th>replays</th></tr>"
            for violation in report.violations {
                body += "<tr><td>\(violation.index)</td><td>\(escape(violation.invariant))</td><td>\(escape(violation.detail))</td>"
                    + "<td><a href=\"\(escape(violation.shrunkFile))\">\(escape(violation.shrunkFile))</a></td>"
                    + "<td>\(violation.replayed ? "yes" : "no")</td></tr>"
            }
            body += "</table>"
        }
        let coverage = CampaignCoverage.kinds.map { ($0, report.coverage[$0] ?? 0) }
        body += "<h2>Runs with each kind of event or situation</h2>" + barChart(coverage, total: report.runs)
        body += "<h2>Transmit-on fraction per run</h2>"
            + histogram(report.records.map(\.transmitOnFraction), range: 0...1, bins: 20, unit: "")
        let wall = report.records.map(\.wallSeconds)
        body += "<h2>Wall time per run</h2>"
            + histogram(wall, range: 0...max(wall.max() ?? 1, 1e-3), bins: 20, unit: " s")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>utermd campaign \(report.seed)</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}
            td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}.ok{color:#064}.bad{color:#a00}
            svg text{font-size:11px;font-family:sans-serif}</style></head><body>
            \(body)
            </body></html>

            """
    }

    /// Horizontal bars: one row per label.
    static func barChart(_ rows: [(String, Int)], total: Int) -> String {
        let rowHeight = 16.0, labelWidth = 190.0, barWidth = 420.0
        let height = Double(rows.count) * rowHeight + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + barWidth + 80))\" height=\"\(Int(height))\">"
        for (row, (label, count)) in rows.enumerated() {
            let y = Double(row) * rowHeight + 4
            let width = total > 0 ? barWidth * Double(count) / Double(total) : 0
            svg += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Int(y + 11))\" text-anchor=\"end\">\(escape(label))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y))\" width=\"\(String(format: "%.1f", width))\" height=\"\(Int(rowHeight - 3))\" "
                + "fill=\"\(count == 0 ? "#c33" : "#4a7")\"/>"
            svg += "<text x=\"\(Int(labelWidth + width + 4))\" y=\"\(Int(y + 11))\">\(count)</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical bars of `values` counted in `bins` bins over `range`.
    static func histogram(_ values: [Double], range: ClosedRange<Double>, bins: Int, unit: String) -> String {
        var counts = [Int](repeating: 0, count: bins)
        let span = range.upperBound - range.lowerBound
        for value in values where value.isFinite {
            let bin = span > 0 ? Int((value - range.lowerBound) / span * Double(bins)) : 0
            counts[min(max(bin, 0), bins - 1)] += 1
        }
        let width = 600.0, height = 160.0, left = 40.0, bottom = 20.0
        let peak = Double(max(counts.max() ?? 1, 1))
        let barWidth = (width - left) / Double(bins)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width + 30))\" height=\"\(Int(height + bottom))\">"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(Int(height))\" x2=\"\(Int(width))\" y2=\"\(Int(height))\" stroke=\"#000\"/>"
        svg += "<text x=\"\(Int(left - 4))\" y=\"12\" text-anchor=\"end\">\(Int(peak))</text>"
        svg += "<text x=\"\(Int(left - 4))\" y=\"\(Int(height))\" text-anchor=\"end\">0</text>"
        for (bin, count) in counts.enumerated() {
            let barHeight = (height - 10) * Double(count) / peak
            let x = left + Double(bin) * barWidth
            svg += "<rect x=\"\(String(format: "%.1f", x + 1))\" y=\"\(String(format: "%.1f", height - barHeight))\" "
                + "width=\"\(String(format: "%.1f", barWidth - 2))\" height=\"\(String(format: "%.1f", barHeight))\" fill=\"#47a\"/>"
        }
        for tick in [0, bins / 2, bins] {
            let value = range.lowerBound + span * Double(tick) / Double(bins)
            svg += "<text x=\"\(String(format: "%.1f", left + Double(tick) * barWidth))\" y=\"\(Int(height + 15))\" text-anchor=\"middle\">"
                + "\(String(format: "%.3g", value))\(unit)</text>"
        }
        return svg + "</svg>"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
