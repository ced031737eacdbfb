import Foundation
import ServiceLifecycle
import TestSupport

@testable import Daemon

/// Runs a service on a task of its own for a synchronous test: `stop()` cancels the task and
/// waits until the service's `run()` has returned.
///
/// The service's tasks run on threads of their own (``ThreadTaskExecutor``), not on the
/// concurrency pool: synchronous tests run on the pool's few threads (two on a 2-core
/// machine) and block them in socket reads while they wait for the server, which would then
/// have no thread left to answer.
final class BackgroundService: Sendable {
    private let task: Task<Void, Never>
    private let finished = DispatchSemaphore(value: 0)

    init(_ service: some Service) {
        let finished = finished
        task = Task.detached(executorPreference: ThreadTaskExecutor.shared) {
            try? await service.run()
            finished.signal()
        }
    }

    func stop() {
        task.cancel()
        finished.wait()
        finished.signal()
    }
}

/// A status server running on 127.0.0.1 and a kernel-chosen port.
struct RunningStatusServer {
    let server: StatusHTTPServer
    let background: BackgroundService
    let port: UInt16

    init(
        limits: StatusHTTPServer.Limits = StatusHTTPServer.Limits(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws {
        guard let address = ListenAddress(host: "127.0.0.1", port: 0) else { throw TestFailure("address") }
        server = StatusHTTPServer(address: address, limits: limits, handler: handler)
        background = BackgroundService(server)
        switch server.waitUntilBound(timeoutSeconds: 30) {
        case .success(let bound): port = bound.port
        case .failure(let error):
            background.stop()
            throw TestFailure("not bound: \(error)")
        }
    }

    func stop() { background.stop() }
}

/// A task executor on two threads of its own (see ``BackgroundService``).
final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: `jobs` is only touched under `condition`.
    static let shared = ThreadTaskExecutor(threads: 2)
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in work() }
            thread.name = "test-executor-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.withLock {
            jobs.append(unowned)
            condition.signal()
        }
    }

    private func work() {
        while true {
            let job = condition.withLock {
                while jobs.isEmpty { condition.wait() }
                return jobs.removeFirst()
            }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
