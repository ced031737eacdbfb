import Foundation
import TestSupport
import Testing

@testable import Daemon

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The native sd_notify: datagrams received on a socket of the test's own, as systemd would.
@Suite struct SystemdNotifierTests {
    /// An AF_UNIX datagram socket bound to `path` (`@name`: abstract namespace).
    final class NotifySocket {
        let descriptor: Int32
        let path: String

        init(path: String) throws {
            self.path = path
            #if canImport(Glibc)
                descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            #else
                descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
            #endif
            guard var address = SystemdNotifier.address(path) else { throw TestFailure("address \(path)") }
            let length = SystemdNotifier.addressLength(path)
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
            }
            guard result == 0 else { throw TestFailure("bind \(path): errno \(errno)") }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit {
            close(descriptor)
            if !path.hasPrefix("@") { unlink(path) }
        }

        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
        }
    }

    @Test func readyStatusWatchdogStoppingOnAPathSocket() throws {
        let path = NSTemporaryDirectory() + "utermd-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let socket = try NotifySocket(path: path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(notifier.isEnabled)
        #expect(notifier.ready(status: "tracking\nsat 123"))
        let ready = socket.receive() ?? ""
        #expect(ready.hasPrefix("READY=1\nSTATUS=tracking sat 123\nMAINPID=\(getpid())"))
        #expect(notifier.watchdog())
        #expect(socket.receive() == "WATCHDOG=1")
        #expect(notifier.stopping(status: "stowing"))
        #expect(socket.receive() == "STOPPING=1\nSTATUS=stowing")
        #expect(notifier.reloading())
        #expect(socket.receive()?.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") == true)
    }

    #if os(Linux)
        @Test func abstractNamespace() throws {
            let name = "@utermd-notify-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let socket = try NotifySocket(path: name)
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
            #expect(notifier.ready(status: "up"))
            #expect(socket.receive()?.hasPrefix("READY=1\n") == true)
        }
    #endif

    @Test func withoutSystemdNothingIsSent() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(!notifier.ready(status: "x"))
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func watchdogInterval() {
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000"]) == .seconds(30))
        #expect(
            SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid())"])
                == .seconds(30))
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "0"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "soon"]) == nil)
    }

    @Test func pingerPingsAtHalfTheIntervalWhileHealthy() throws {
        let path = NSTemporaryDirectory() + "utermd-watchdog-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let socket = try NotifySocket(path: path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"])
        let start = Date()
        guard let pinger = WatchdogPinger(notifier: notifier, isHealthy: { true }) else {
            Issue.record("a watchdog interval was given")
            return
        }
        // WATCHDOG_USEC 100 ms: a ping every 50 ms. The k-th ping cannot be sent before k × 50 ms
        // (the pinger waits out each period) nor received before it is sent, so the 9th
        // arrives no sooner than 450 ms after the start, however the machine is loaded (gaps
        // between receptions can be short: a descheduled reader finds two queued). Load only
        // delays pings, so the median gap is held under 75 ms, well inside systemd's 100 ms.
        var arrivals: [Date] = []
        for _ in 0..<9 {
            #expect(socket.receive() == "WATCHDOG=1")
            arrivals.append(Date())
        }
        pinger.stop()
        let ninth = arrivals[8].timeIntervalSince(start)
        let gaps = zip(arrivals.dropFirst(), arrivals).map { $0.timeIntervalSince($1) }.sorted()
        print("watchdog pings at WATCHDOG_USEC=100000: 9th after \(Int(ninth * 1_000)) ms, gaps \(gaps.map { Int(($0 * 1_000).rounded()) }) ms")
        #expect(ninth >= 0.449, "pings came early: the 9th after \(ninth) s")
        #expect(gaps[gaps.count / 2] < 0.075, "pings slower than half the interval: \(gaps)")
        #expect(WatchdogPinger(notifier: SystemdNotifier(environment: [:]), isHealthy: { true }) == nil)
    }

    /// Unhealthy (the loop stopped advancing): no ping at all, so systemd's watchdog fires.
    @Test func pingerIsSilentWhileUnhealthy() throws {
        let path = NSTemporaryDirectory() + "utermd-watchdog-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let socket = try NotifySocket(path: path)
        var timeout = timeval(tv_sec: 0, tv_usec: 400_000)
        setsockopt(socket.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"])
        let pinger = WatchdogPinger(notifier: notifier, isHealthy: { false })
        #expect(pinger != nil, "a watchdog interval was given")
        #expect(socket.receive() == nil, "a ping while unhealthy")
        pinger?.stop()
    }
}
