import Foundation
import Geofence

/// The service rules' day counters (``ServiceDayCounters``), kept beside the audit log
/// (`<audit_log>.service-days`) so that a restart neither forgets nor restarts them:
/// ```
/// utermd service days 1
/// last_observed_day: 2026-08-23
/// abroad_since_day: -
/// coastal_run_start_day: 2026-08-22
/// last_coastal_day: 2026-08-23
/// coastal_days_in_year: 2
/// coastal_year: 2026
/// sha256: 4f1c...
/// ```
/// (`-`: none; `sha256` covers every line before it, so damage is found.) Replaced
/// atomically like the accepted-policy store (``AtomicFileReplacement``). A damaged or foreign
/// file is an error naming the file and line: the daemon refuses to start rather than reset
/// the counters (which would lift a roaming restriction), so the operator must look.
package struct ServiceDayCounterStore: Sendable {
    /// The file.
    package let path: String

    /// A stored state that cannot be used.
    package struct Problem: Error, Sendable, CustomStringConvertible {
        /// The file.
        package var path: String
        /// What is wrong (with the line, when one is at fault).
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    /// The store beside the audit log at `auditLogPath`.
    package init(auditLogPath: String) { path = auditLogPath + ".service-days" }

    /// The store in the file `path`.
    package init(path: String) { self.path = path }

    private static let magic = "utermd service days 1"
    private static let keys = [
        "last_observed_day", "abroad_since_day", "coastal_run_start_day", "last_coastal_day", "coastal_days_in_year",
        "coastal_year",
    ]

    /// The stored counters, or nil when there is no file yet.
    package func load() throws(Problem) -> ServiceDayCounters? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem(path: path, reason: "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw Problem(path: path, reason: "not UTF-8 text (damaged)") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Self.magic else { throw Problem(path: path, reason: "line 1: expected '\(Self.magic)'") }
        guard lines.count == Self.keys.count + 2 else {
            throw Problem(path: path, reason: "expected \(Self.keys.count + 2) lines, found \(lines.count) (damaged)")
        }
        let body = lines.dropLast().joined(separator: "\n") + "\n"
        guard lines[lines.count - 1] == "sha256: " + SignedPolicyFile.sha256(Data(body.utf8)) else {
            throw Problem(path: path, reason: "line \(lines.count): the SHA-256 does not match the counters (damaged)")
        }
        var values: [String: String] = [:]
        for (offset, key) in Self.keys.enumerated() {
            let line = lines[offset + 1]
            guard line.hasPrefix(key + ": ") else { throw Problem(path: path, reason: "line \(offset + 2): expected '\(key): ...'") }
            values[key] = String(line.dropFirst(key.count + 2))
        }
        func day(_ key: String) throws(Problem) -> UTCDay? {
            let text = values[key] ?? "-"
            if text == "-" { return nil }
            guard let day = UTCDay(isoDate: text) else {
                throw Problem(path: path, reason: "\(key): '\(text)' is not a date YYYY-MM-DD")
            }
            return day
        }
        func number(_ key: String) throws(Problem) -> Int64 {
            guard let value = Int64(values[key] ?? ""), value >= 0 else {
                throw Problem(path: path, reason: "\(key): '\(values[key] ?? "")' is not a count")
            }
            return value
        }
        return ServiceDayCounters(
            lastObservedDay: try day("last_observed_day"), abroadSinceDay: try day("abroad_since_day"),
            coastalRunStartDay: try day("coastal_run_start_day"), lastCoastalDay: try day("last_coastal_day"),
            coastalDaysInYear: Int(clamping: try number("coastal_days_in_year")), coastalYear: try number("coastal_year"))
    }

    /// Replaces the stored counters atomically.
    package func save(_ counters: ServiceDayCounters) throws(Problem) {
        func day(_ value: UTCDay?) -> String { value?.description ?? "-" }
        let body = """
            \(Self.magic)
            last_observed_day: \(day(counters.lastObservedDay))
            abroad_since_day: \(day(counters.abroadSinceDay))
            coastal_run_start_day: \(day(counters.coastalRunStartDay))
            last_coastal_day: \(day(counters.lastCoastalDay))
            coastal_days_in_year: \(counters.coastalDaysInYear)
            coastal_year: \(counters.coastalYear)

            """
        let text = body + "sha256: " + SignedPolicyFile.sha256(Data(body.utf8)) + "\n"
        do {
            try AtomicFileReplacement.replace(path: path, with: Data(text.utf8))
        } catch {
            throw Problem(path: error.path, reason: error.reason)
        }
    }
}
