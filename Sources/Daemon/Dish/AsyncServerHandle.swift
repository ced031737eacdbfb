import DishAPI
import Foundation
import Platform

/// An async server (`run()` until `stop()`) driven from the daemon's synchronous start and
/// stop: ``start(timeoutSeconds:)`` runs it on a detached task and waits until it listens (or
/// fails to), ``stop()`` asks it to finish and waits for `run()` to return. When the daemon's
/// services move onto a service group, the server's own `run()` is what the group runs, and
/// this handle goes away.
final class AsyncServerHandle: Sendable {
    private let server: DishAPIServer
    private let finished = Latch()
    private let runFailure = LockedValue<String?>(nil)

    init(server: DishAPIServer) {
        self.server = server
    }

    /// Starts serving; returns the port it listens on, or throws when it could not listen
    /// within `timeoutSeconds`.
    func start(timeoutSeconds: Double) throws -> Int {
        let server = server
        let finished = finished
        let runFailure = runFailure
        Task.detached {
            do { try await server.run() } catch { runFailure.set("\(error)") }
            finished.open()
        }
        let listening = LockedValue<Result<Int, any Error>?>(nil)
        let ready = Latch()
        Task.detached {
            do { listening.set(.success(try await server.listeningPort())) } catch { listening.set(.failure(error)) }
            ready.open()
        }
        guard ready.wait(seconds: timeoutSeconds), let result = listening.get() else {
            stop()
            throw StartFailure("not listening after \(timeoutSeconds) s")
        }
        switch result {
        case .success(let port): return port
        case .failure(let error):
            stop()
            throw StartFailure("\(runFailure.get() ?? "\(error)")")
        }
    }

    /// Stops accepting, lets running calls finish (at most 5 s), and returns once `run()` has.
    func stop() {
        server.stop()
        _ = finished.wait(seconds: 5)
    }
}
