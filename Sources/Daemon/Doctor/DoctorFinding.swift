import Foundation

/// What `utermd doctor` concludes of one check.
package enum DoctorVerdict: String, Sendable, Codable, Hashable {
    /// As it should be.
    case ok
    /// The terminal runs, but worse than it could (latency, accuracy, margins).
    case warning
    /// The terminal cannot run, or cannot transmit, until this is fixed.
    case failed
}

/// One check of `utermd doctor`: what was found and, unless all is well, what to do.
package struct DoctorFinding: Sendable, Codable, Hashable {
    /// A stable name, e.g. `gpio-chip pinctrl-rp1`, `rlimit-rtprio`, `clock`.
    package var check: String
    /// The verdict.
    package var verdict: DoctorVerdict
    /// What was found, in a sentence.
    package var finding: String
    /// What to do about it (empty when the verdict is `ok`).
    package var remedy: String

    /// Builds a finding.
    package init(_ check: String, _ verdict: DoctorVerdict, _ finding: String, remedy: String = "") {
        self.check = check
        self.verdict = verdict
        self.finding = finding
        self.remedy = remedy
    }
}

/// Every finding of one `utermd doctor` run.
package struct DoctorReport: Sendable, Codable, Hashable {
    /// The findings, in the order checked.
    package var findings: [DoctorFinding]

    /// Builds a report.
    package init(findings: [DoctorFinding]) {
        self.findings = findings
    }

    /// True when no check failed: `utermd run` with this configuration can start and transmit.
    package var canRun: Bool { !findings.contains { $0.verdict == .failed } }

    /// One line per check (`ok      clock: ...`), the remedy indented under it, then the verdict.
    package func text() -> String {
        var lines: [String] = []
        for finding in findings {
            let tag = finding.verdict.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("\(tag)\(finding.check): \(finding.finding)")
            if !finding.remedy.isEmpty { lines.append("        → \(finding.remedy)") }
        }
        let failed = findings.count { $0.verdict == .failed }
        let warnings = findings.count { $0.verdict == .warning }
        lines.append(
            canRun
                ? "the terminal can run (\(warnings) warning\(warnings == 1 ? "" : "s"))"
                : "the terminal cannot run: \(failed) check\(failed == 1 ? "" : "s") failed")
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey { case canRun, findings }

    /// Encodes `canRun` beside the findings.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(canRun, forKey: .canRun)
        try container.encode(findings, forKey: .findings)
    }

    /// Decodes the findings (`canRun` is derived from them).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        findings = try container.decode([DoctorFinding].self, forKey: .findings)
    }

    /// Pretty-printed JSON with sorted keys: `{"canRun": true, "findings": [...]}`.
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
