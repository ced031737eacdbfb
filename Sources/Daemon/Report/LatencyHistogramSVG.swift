import Foundation

/// The loop latency histogram: bars per bucket on a logarithmic count axis (rare slow ticks
/// stay visible beside millions of fast ones), the loop period marked.
enum LatencyHistogramSVG {
    static let width = 960.0
    static let height = 280.0
    /// Most bars drawn; finer histograms are merged into this many.
    static let maximumBars = 60

    /// Merges adjacent buckets into at most `maximumBars`, keeping non-empty ends.
    static func merged(_ histogram: SimulationReportData.LatencyHistogram) -> [(upper: Double, count: UInt64)] {
        var pairs = Array(zip(histogram.bucketUpperBoundsMicroseconds, histogram.counts))
        while let last = pairs.last, last.1 == 0, pairs.count > 1 { pairs.removeLast() }
        guard pairs.count > maximumBars else { return pairs.map { ($0.0, $0.1) } }
        let group = Int((Double(pairs.count) / Double(maximumBars)).rounded(.up))
        return stride(from: 0, to: pairs.count, by: group).map { start in
            let slice = pairs[start..<min(pairs.count, start + group)]
            return (slice.last?.0 ?? 0, slice.reduce(0) { $0 + $1.1 })
        }
    }

    /// The SVG.
    static func svg(_ histogram: SimulationReportData.LatencyHistogram) -> String {
        let bars = merged(histogram)
        let left = 74.0, bottom = 40.0, top = 20.0, right = 20.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let peak = Double(bars.map(\.count).max() ?? 1)
        let decades = max(1, log10(max(peak, 1)).rounded(.up))
        func y(_ count: UInt64) -> Double {
            guard count > 0 else { return top + plotHeight }
            return top + plotHeight * (1 - log10(Double(count) + 1) / (decades + 0.05))
        }
        let barWidth = plotWidth / Double(max(1, bars.count))
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(SVGText.escape(histogram.title)) histogram\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>",
        ]
        for decade in 0...Int(decades) {
            let count = UInt64(pow(10, Double(decade)))
            let lineY = y(count)
            parts.append(
                "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(lineY))\" x2=\"\(SVGText.number(width - right))\" y2=\"\(SVGText.number(lineY))\" stroke=\"#e2e2ea\"/>"
            )
            parts.append(
                SVGText.label(
                    count >= 1_000_000 ? "\(count / 1_000_000)M" : count >= 1_000 ? "\(count / 1_000)k" : "\(count)", x: left - 6,
                    y: lineY + 4, anchor: "end", size: 10, colour: "#667"))
        }
        var lower = 0.0
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * barWidth
            let barTop = y(bar.count)
            let over = histogram.periodMicroseconds.map { bar.upper > $0 } ?? false
            parts.append(
                "<rect x=\"\(SVGText.number(x + 0.5))\" y=\"\(SVGText.number(barTop))\" width=\"\(SVGText.number(max(0.5, barWidth - 1)))\" height=\"\(SVGText.number(top + plotHeight - barTop))\" fill=\"\(over ? "#c8322b" : "#1f77b4")\"><title>\(SVGText.number(lower))–\(SVGText.number(bar.upper)) µs: \(bar.count)</title></rect>"
            )
            if index % max(1, bars.count / 10) == 0 {
                parts.append(
                    SVGText.label(
                        SVGText.number(bar.upper), x: x + barWidth / 2, y: height - bottom + 14, anchor: "middle", size: 9,
                        colour: "#556"))
            }
            lower = bar.upper
        }
        if let period = histogram.periodMicroseconds, let index = bars.firstIndex(where: { $0.upper >= period }) {
            let x = left + Double(index + 1) * barWidth
            parts.append(
                "<line x1=\"\(SVGText.number(x))\" y1=\"\(SVGText.number(top))\" x2=\"\(SVGText.number(x))\" y2=\"\(SVGText.number(top + plotHeight))\" stroke=\"#c8322b\" stroke-dasharray=\"4 3\"/>"
            )
            parts.append(
                SVGText.label(
                    "period \(SVGText.number(period)) µs", x: x - 4, y: top + 10, anchor: "end", size: 10, colour: "#c8322b"))
        }
        // The axes say what the figure's caption says: x is the measured time in µs (each bar
        // labelled by its upper bound), y the number of ticks on a logarithmic scale.
        parts.append(
            SVGText.label(
                "\(histogram.title), µs (each bar labelled by its upper bound)", x: left + plotWidth / 2, y: height - 6,
                anchor: "middle", size: 11, colour: "#334"))
        parts.append(
            "<text x=\"14\" y=\"\(SVGText.number(top + plotHeight / 2))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#334\" transform=\"rotate(-90 14 \(SVGText.number(top + plotHeight / 2)))\">ticks (log scale)</text>"
        )
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
