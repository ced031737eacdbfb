import Platform

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads fixes from gpsd over its JSON protocol, as Linux programs do (gpsd_json(5)):
/// connect to TCP port 2947, send `?WATCH={"enable":true,"json":true}`, then read one JSON
/// report per line. TPV reports become `GNSSFix`es; SKY reports give the satellites used;
/// VERSION gives `daemonRelease`.
///
/// Lines that are not valid reports (garbage, impossible values, gpsd's ERROR reports) are
/// rejected with a `GPSDError`, counted, and the connection carries on. Use from one thread
/// (the GNSS task, not the tick).
package final class GPSDClient {
    /// gpsd's well-known port.
    package static let defaultPort: UInt16 = 2947
    /// The watch request sent on connecting.
    package static let watchRequest = "?WATCH={\"enable\":true,\"json\":true}\n"

    /// gpsd's release, from its VERSION report.
    package private(set) var daemonRelease: String?
    /// Satellites used, from the last SKY report.
    package private(set) var satellitesUsed: Int?
    /// Lines rejected so far.
    package private(set) var rejectedLineCount = 0
    /// The last rejections (at most 32), oldest first.
    package private(set) var recentRejections: [GPSDError] = []
    /// Whether gpsd closed the connection.
    package private(set) var isClosed = false

    private let descriptor: Int32
    private var splitter = LineSplitter(maximumLineByteCount: 64 * 1024)
    private var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    private let now: () -> UInt64

    /// Connects to gpsd at `host` (an IPv4 address; gpsd listens on loopback by default)
    /// and `port`, within `connectTimeout`, and starts watching.
    package init(
        host: String = "127.0.0.1", port: UInt16 = GPSDClient.defaultPort, connectTimeout: Duration = .seconds(2),
        now: @escaping () -> UInt64 = MonotonicTime.unsignedNanoseconds
    ) throws(GNSSError) {
        self.now = now
        descriptor = try TCPConnection.connect(host: host, port: port, timeout: connectTimeout)
        do {
            try TCPConnection.send(Array(Self.watchRequest.utf8), on: descriptor)
        } catch {
            systemClose(descriptor)
            throw error
        }
    }

    deinit { close() }

    /// Waits at most `timeout` for reports and returns the fixes among them. Throws
    /// `connectionClosed` once gpsd has closed and every fix was returned.
    package func readFixes(timeout: Duration) throws(GNSSError) -> [GNSSFix] {
        guard !isClosed else { throw .connectionClosed }
        let outcome = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(GNSSError) in try DescriptorInput(descriptor: descriptor).read(into: bytes, timeout: timeout) }
        }.get()
        let receivedAt = now()
        var fixes: [GNSSFix] = []
        switch outcome {
        case .nothingYet:
            break
        case .bytes(let count):
            buffer.withUnsafeBytes { bytes in
                splitter.append(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) { take($0, receivedAt, into: &fixes) }
            }
        case .endOfInput:
            splitter.finish { take($0, receivedAt, into: &fixes) }
            close()
        }
        return fixes
    }

    /// Closes the connection. Idempotent.
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        systemClose(descriptor)
    }

    private func take(_ piece: LineSplitter.Piece, _ receivedAt: UInt64, into fixes: inout [GNSSFix]) {
        switch piece {
        case .overlong(let count):
            reject(.malformedJSON(excerpt: "(\(count) bytes without a newline)"))
        case .line(let line):
            guard !line.isEmpty else { return }
            do {
                let report = try GPSDReport.decode(line)
                switch report.reportClass {
                case "TPV":
                    if let fix = try report.fix(satellitesUsed: satellitesUsed, receivedAtNanoseconds: receivedAt) {
                        fixes.append(fix)
                    }
                case "SKY":
                    if let used = report.satellitesUsed { satellitesUsed = used }
                case "VERSION":
                    daemonRelease = report.release
                case "ERROR":
                    throw GPSDError.daemonError(message: report.message ?? "")
                default:
                    break
                }
            } catch let error as GPSDError {
                reject(error)
            } catch {
                reject(.malformedJSON(excerpt: "\(error)"))
            }
        }
    }

    private func reject(_ error: GPSDError) {
        rejectedLineCount += 1
        recentRejections.append(error)
        if recentRejections.count > 32 { recentRejections.removeFirst() }
    }
}
