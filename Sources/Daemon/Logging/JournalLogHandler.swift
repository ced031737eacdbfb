import Foundation
import Logging
import Platform
import Synchronization

/// A swift-log handler writing one line per record to standard error, in the form journald
/// reads best: under systemd (`JOURNAL_STREAM` set) each line starts with the syslog priority
/// in angle brackets (`<6>` for info, see sd-daemon(3)) and carries no timestamp, since the
/// journal stamps it; elsewhere a plain line with an ISO-8601 UTC time and the level word.
///
/// ```
/// <6>utermd: policy accepted: ... source=embedded
/// 2026-09-01T12:00:00.123Z info utermd: policy accepted: ... source=embedded
/// ```
/// Newlines inside a message are written as `\n`, so a record stays one line and one
/// `write(2)` (atomic for lines shorter than `PIPE_BUF`).
package struct JournalLogHandler: LogHandler {
    /// The output form.
    package enum Style: Sendable, Hashable {
        /// `<priority>label: message key=value`.
        case journal
        /// `time level label: message key=value`.
        case plain
    }

    /// The form that suits the environment: `.journal` when `JOURNAL_STREAM` is set.
    package static func styleForEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        environment["JOURNAL_STREAM"].map { !$0.isEmpty } == true ? .journal : .plain
    }

    /// The logger's label.
    package let label: String
    /// The output form.
    package let style: Style
    /// Minimum level written: the shared control's when there is one (so SIGHUP can change
    /// every logger's level at once), otherwise this handler's own.
    package var logLevel: Logger.Level {
        get { levelControl?.level ?? ownLevel }
        set {
            if let levelControl { levelControl.level = newValue } else { ownLevel = newValue }
        }
    }
    private var ownLevel: Logger.Level
    private let levelControl: LogLevelControl?
    /// Metadata added to every record.
    package var metadata: Logger.Metadata = [:]
    private let write: @Sendable (String) -> Void

    /// A handler writing lines to `write` (standard error by default).
    package init(
        label: String, level: Logger.Level = .info, style: Style = JournalLogHandler.styleForEnvironment(),
        levelControl: LogLevelControl? = nil,
        write: @escaping @Sendable (String) -> Void = JournalLogHandler.writeToStandardError
    ) {
        self.label = label
        self.ownLevel = level
        self.levelControl = levelControl
        self.style = style
        self.write = write
    }

    /// Writes one line to standard error with a single `write`.
    package static let writeToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// One metadata value of this handler.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one line.
    package func log(event: LogEvent) {
        write(Self.format(event: event, label: label, style: style, handlerMetadata: metadata, date: Date()))
    }

    /// The syslog priority of a level (sd-daemon(3) prefixes): trace/debug 7, info 6,
    /// notice 5, warning 4, error 3, critical 2.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// One record as its line (newline included).
    package static func format(
        event: LogEvent, label: String, style: Style, handlerMetadata: Logger.Metadata = [:], date: Date = Date()
    ) -> String {
        var merged = handlerMetadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var text = "\(label): \(event.message)"
        for key in merged.keys.sorted() {
            guard let value = merged[key] else { continue }
            text += " \(key)=\(value)"
        }
        text = escapingControlCharacters(text)
        switch style {
        case .journal:
            return "<\(priority(event.level))>\(text)\n"
        case .plain:
            return "\(timestamp(date)) \(event.level) \(text)\n"
        }
    }

    /// `text` with every control character written out: `\n`, `\r`, `\t`, and the others
    /// (an escape sequence from a file name, a gpsd reply or an HTTP request included) as
    /// `\u{1B}`, so that a record stays one line and cannot drive the reader's terminal.
    package static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        return ISO8601.string(unixNanoseconds: milliseconds * 1_000_000, fractionDigits: 3)
    }
}

/// A log level shared by every handler made with it: the daemon changes it on SIGHUP.
package final class LogLevelControl: Sendable {
    private let stored: Mutex<Logger.Level>

    /// A control starting at `level`.
    package init(_ level: Logger.Level) { stored = Mutex(level) }

    /// The level.
    package var level: Logger.Level {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
