/// The pieces of the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/): metric and label names,
/// escaped label values and HELP text, and sample values.
enum PrometheusText {
    /// The `Content-Type` of the format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// A valid metric name from a swift-metrics label: `[a-zA-Z_:][a-zA-Z0-9_:]*`, every other
    /// character replaced by `_` (`utermd.loop-overruns` → `utermd_loop_overruns`).
    static func metricName(_ label: String) -> String {
        sanitise(label, allowColon: true)
    }

    /// A valid label name: `[a-zA-Z_][a-zA-Z0-9_]*`; names starting with `__` are reserved, so
    /// they get a leading `x`.
    static func labelName(_ name: String) -> String {
        let cleaned = sanitise(name, allowColon: false)
        return cleaned.hasPrefix("__") ? "x" + cleaned : cleaned
    }

    private static func sanitise(_ text: String, allowColon: Bool) -> String {
        var result = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            let isDigit = ("0"..."9").contains(scalar)
            let ok = isLetter || (allowColon && scalar == ":") || (index > 0 && isDigit)
            result.unicodeScalars.append(ok ? scalar : "_")
        }
        return result.isEmpty ? "_" : result
    }

    /// A label value in double quotes' escaping: `\` → `\\`, `"` → `\"`, newline → `\n`.
    static func escapeLabelValue(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// HELP text escaping: `\` → `\\`, newline → `\n`.
    static func escapeHelp(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\n", with: "\\n")
    }

    /// `{a="1",b="2"}`, or nothing without labels.
    static func labelSet(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\(labelName($0.0))=\"\(escapeLabelValue($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// A sample value: integers without a fraction, `+Inf`, `-Inf`, `NaN` as the format spells them.
    static func value(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number == .infinity { return "+Inf" }
        if number == -.infinity { return "-Inf" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
