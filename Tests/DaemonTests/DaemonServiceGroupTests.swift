import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import Daemon

/// The daemon's services on swift-service-lifecycle: a stop turns transmit off first, then
/// stops the services in reverse order of start, the audit writer (added first) last; a
/// failing service stops the group the same way and is reported.
@Suite(.serialized) struct DaemonServiceGroupTests {
    final class Record: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func append(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    struct FailingService: Service {
        struct Failure: Error, CustomStringConvertible { var description: String { "cannot bind" } }
        func run() async throws {
            try await Task.sleep(for: .milliseconds(50))
            throw Failure()
        }
    }

    /// The group's blocking stop, waited for off the concurrency pool (which runs the group).
    static func stop(_ group: DaemonServiceGroup) async {
        await BlockingWork.run("test-stop") { group.stopAndWait() }
    }

    @Test func aStopTurnsTransmitOffFirstAndStopsTheAuditWriterLast() async throws {
        let record = Record()
        let group = DaemonServiceGroup()
        for name in ["audit-writer", "scheduler", "loop", "status-api", "rotctld"] {
            group.add(StoppingService(name) { record.append(name) }, name: name)
        }
        group.launch(transmitOff: { record.append("transmit-off") }, logger: Logger(label: "test")) { message in
            record.append("failure \(message)")
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(record.all.isEmpty, "nothing stops before the stop request")
        await Self.stop(group)
        #expect(record.all == ["transmit-off", "rotctld", "status-api", "loop", "scheduler", "audit-writer"])
    }

    @Test func aFailingServiceStopsTheGroupInTheSameOrder() async throws {
        let record = Record()
        let group = DaemonServiceGroup()
        group.add(StoppingService("audit-writer") { record.append("audit-writer") }, name: "audit-writer")
        group.add(StoppingService("loop") { record.append("loop") }, name: "loop")
        group.add(FailingService(), name: "status-api")
        group.launch(transmitOff: { record.append("transmit-off") }, logger: Logger(label: "test")) { message in
            record.append("failure: \(message)")
        }
        for _ in 0..<300 where record.all.last?.hasPrefix("failure") != true { try await Task.sleep(for: .milliseconds(100)) }
        #expect(record.all.last?.hasPrefix("failure") == true, "the failure is reported")
        await Self.stop(group)
        #expect(record.all == ["transmit-off", "loop", "audit-writer", "failure: cannot bind"])
    }

    @Test func stoppingAGroupThatNeverRanReturns() {
        let group = DaemonServiceGroup()
        group.add(StoppingService("audit-writer") {}, name: "audit-writer")
        group.stopAndWait()
        #expect(!group.isLaunched)
    }
}
