/// A minimal builder of SVG text: numbers with one decimal, escaped text, one element a line.
/// Its `number` and `escaped` serve every SVG and HTML the project writes (the sky plot
/// here, the daemon's report).
package struct SVGWriter {
    private(set) var text = ""

    /// `value` rounded to 0.1 with at most one decimal ("12.3", "-4", "0").
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Clamped far beyond any canvas, so the conversion to Int can never trap.
        let tenths = Int((min(max(value, -1e12), 1e12) * 10).rounded())
        let whole = tenths / 10
        let decimal = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return decimal == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(decimal)"
    }

    /// `text` with the five XML special characters escaped.
    package static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An element with attributes (values escaped) and optional content (already SVG).
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, content: String? = nil) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(SVGWriter.escaped(value))\"" }
        if let content {
            text += ">" + content + "</" + name + ">\n"
        } else {
            text += "/>\n"
        }
    }

    /// Raw SVG text.
    mutating func raw(_ svg: String) { text += svg }

    /// Points as the `points` attribute of a polyline: "x,y x,y …".
    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }
}
