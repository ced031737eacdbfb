import Foundation
import Logging
import Testing

@testable import Daemon

/// journald-friendly lines: priority prefixes under systemd, plain lines elsewhere.
@Suite struct JournalLogHandlerTests {
    func event(_ level: Logger.Level, _ message: Logger.Message, _ metadata: Logger.Metadata? = nil) -> LogEvent {
        LogEvent(level: level, message: message, metadata: metadata, source: nil, file: #fileID, function: #function, line: #line)
    }

    @Test func journalPrefixes() {
        let levels: [(Logger.Level, Int)] = [
            (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ]
        for (level, priority) in levels {
            let line = JournalLogHandler.format(event: event(level, "hello"), label: "utermd", style: .journal)
            #expect(line == "<\(priority)>utermd: hello\n")
        }
    }

    @Test func oneLinePerRecordWithSortedMetadata() {
        let line = JournalLogHandler.format(
            event: event(.warning, "two\nlines", ["zone": "harbour", "action": "noService"]), label: "utermd",
            style: .journal, handlerMetadata: ["board": "sim"])
        #expect(line == "<4>utermd: two\\nlines action=noService board=sim zone=harbour\n")
    }

    /// Issue 14: a file name, gpsd reply or request path with an escape sequence reached the
    /// log raw; every control character is now written out.
    @Test func controlCharactersAreEscaped() {
        let line = JournalLogHandler.format(
            event: event(.error, "cannot read /etc/\u{1B}[2Jx\tname\u{7}\u{9B}", ["path": "a\u{0}b"]), label: "utermd",
            style: .journal)
        #expect(line == "<3>utermd: cannot read /etc/\\u{1B}[2Jx\\tname\\u{7}\\u{9B} path=a\\u{0}b\n")
        #expect(JournalLogHandler.escapingControlCharacters("Zürich 47° ok") == "Zürich 47° ok")
    }

    @Test func plainLinesCarryTimeAndLevel() {
        let line = JournalLogHandler.format(
            event: event(.info, "ready"), label: "utermd", style: .plain, date: Date(timeIntervalSince1970: 1_788_264_000.5))
        #expect(line == "2026-09-01T12:00:00.500Z info utermd: ready\n")
    }

    @Test func styleFollowsJournalStream() {
        #expect(JournalLogHandler.styleForEnvironment(["JOURNAL_STREAM": "8:12345"]) == .journal)
        #expect(JournalLogHandler.styleForEnvironment([:]) == .plain)
    }

    @Test func handlerWritesThroughLogger() {
        let lines = LineCollector()
        var logger = Logger(label: "utermd") { label in
            JournalLogHandler(label: label, level: .notice, style: .journal, write: { lines.append($0) })
        }
        logger[metadataKey: "run"] = "1"
        logger.info("dropped below the level")
        logger.error("kept", metadata: ["code": "42"])
        #expect(lines.all == ["<3>utermd: kept code=42 run=1\n"])
    }
}

/// Collects lines from any thread.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
