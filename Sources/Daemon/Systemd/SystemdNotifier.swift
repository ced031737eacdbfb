import Foundation
import Platform

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The daemon's side of systemd's notification protocol (sd_notify(3)), spoken natively: each
/// message is one datagram of `KEY=VALUE` lines sent to the `AF_UNIX` socket named by
/// `$NOTIFY_SOCKET` (a path, or `@name` in the abstract namespace). No libsystemd needed.
///
/// `Type=notify` units wait for `READY=1`; `STATUS=` is the line `systemctl status` shows;
/// `WATCHDOG=1` must arrive within `WatchdogSec` (systemd passes it as `$WATCHDOG_USEC`);
/// `STOPPING=1` says an orderly stop has begun; `RELOADING=1` and `READY=1` bracket a reload.
///
/// Without `$NOTIFY_SOCKET` (not started by systemd) every call does nothing and says so.
package final class SystemdNotifier: Sendable {
    /// The socket's address as given (`/run/systemd/notify`, `@abstract`), or nil.
    package let socketPath: String?
    /// How often systemd wants `WATCHDOG=1`: `$WATCHDOG_USEC`, when it is meant for this
    /// process (`$WATCHDOG_PID` absent or equal to our pid).
    package let watchdogInterval: Duration?
    private let descriptor: Int32

    /// A notifier for the environment (by default the process's own).
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        descriptor = path == nil ? -1 : ((try? SocketCalls.unixDatagramSocket()) ?? -1)
        watchdogInterval = Self.watchdogInterval(environment: environment)
    }

    deinit { if descriptor >= 0 { SocketCalls.close(descriptor) } }

    /// Whether a socket was named (started by systemd with `Type=notify` or `NotifyAccess`).
    package var isEnabled: Bool { socketPath != nil && descriptor >= 0 }

    /// `$WATCHDOG_USEC` as a duration, if it applies to this process.
    package static func watchdogInterval(environment: [String: String]) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else {
            return nil
        }
        if let pid = environment["WATCHDOG_PID"], let target = Int32(pid), target != getpid() { return nil }
        return .microseconds(Int64(clamping: microseconds))
    }

    /// Sends `state` (one or more `KEY=VALUE` lines) as one datagram. Returns false when
    /// not under systemd or when the send failed (a notification is advisory: never fatal).
    @discardableResult
    package func notify(_ state: String) -> Bool {
        guard let socketPath, descriptor >= 0 else { return false }
        guard var address = Self.address(socketPath) else { return false }
        let bytes = Array(state.utf8)
        let length = Self.addressLength(socketPath)
        let sent = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, buffer.baseAddress, buffer.count, 0, $0, length)
                }
            }
        }
        return sent == bytes.count
    }

    /// `READY=1` with a status line.
    @discardableResult
    package func ready(status: String) -> Bool { notify("READY=1\nSTATUS=\(Self.oneLine(status))\nMAINPID=\(getpid())") }

    /// `STATUS=...`.
    @discardableResult
    package func status(_ text: String) -> Bool { notify("STATUS=\(Self.oneLine(text))") }

    /// `WATCHDOG=1`.
    @discardableResult
    package func watchdog() -> Bool { notify("WATCHDOG=1") }

    /// `RELOADING=1` with the monotonic time systemd ≥ 253 asks for (`MONOTONIC_USEC`).
    @discardableResult
    package func reloading() -> Bool {
        notify("RELOADING=1\nMONOTONIC_USEC=\(MonotonicTime.unsignedNanoseconds() / 1_000)")
    }

    /// `STOPPING=1` with a status line.
    @discardableResult
    package func stopping(status: String) -> Bool { notify("STOPPING=1\nSTATUS=\(Self.oneLine(status))") }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }

    /// The `sockaddr_un` of a path; `@` at the start means the abstract namespace (a NUL byte).
    static func address(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        return address
    }

    /// The address length to pass: a path's includes its terminating NUL; an abstract name's
    /// is exactly its bytes (the name may contain anything, NULs included).
    static func addressLength(_ path: String) -> socklen_t {
        let offset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        let count = path.utf8.count
        return socklen_t(offset + count + (path.hasPrefix("@") ? 0 : 1))
    }
}
