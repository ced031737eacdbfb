import Handover
import Terminal

/// Small helpers for writing SVG and HTML by hand: escaping, compact numbers, colours.
enum SVGText {
    /// Text escaped for XML/HTML content and attribute values.
    static func escape(_ text: String) -> String { SVGWriter.escaped(text) }

    /// A coordinate with at most one decimal (a tenth of a pixel is plenty), `-0` as `0`.
    static func number(_ value: Double) -> String { SVGWriter.number(value) }

    /// Ten colours that stay apart (Tableau 10), then golden-angle hues.
    static let palette = [
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#5f6b7a",
    ]

    /// The colour of the `order`-th satellite to appear in a run.
    static func colour(order: Int) -> String {
        if order < palette.count { return palette[order] }
        let hue = (Double(order) * 137.507_764).truncatingRemainder(dividingBy: 360)
        return "hsl(\(Int(hue)),60%,45%)"
    }

    /// A colour per serving satellite, by order of first appearance, so neighbours differ and
    /// the sky plot and the timeline agree.
    static func satelliteColours(_ samples: [HistorySample]) -> [Int32: String] {
        var colours: [Int32: String] = [:]
        for sample in samples where sample.servingIndex >= 0 && colours[sample.servingIndex] == nil {
            colours[sample.servingIndex] = colour(order: colours.count)
        }
        return colours
    }

    /// The colour of a geofence action.
    static func actionColour(_ action: String) -> String {
        switch action {
        case "allow": "#2e9d4f"
        case "receiveOnly": "#e0a100"
        case "noService": "#c8322b"
        default: "#888888"
        }
    }

    /// `<text>` at a point.
    static func label(_ text: String, x: Double, y: Double, anchor: String = "start", size: Int = 11, colour: String = "#333")
        -> String
    {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" fill=\"\(colour)\">\(escape(text))</text>"
    }

    /// `m:ss` or `h:mm:ss` for a number of seconds.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, rest) = total.quotientAndRemainder(dividingBy: 3_600)
        let (minutes, secs) = rest.quotientAndRemainder(dividingBy: 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
