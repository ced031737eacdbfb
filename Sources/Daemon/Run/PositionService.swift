import Drivers
import Foundation
import Logging
import Platform
import RealTime
import Terminal

/// Feeds the tick's fix mailbox from the configured source, on a thread of its own:
///
/// - `fixed`: the configured position once a second, stamped now (a bench without GNSS);
/// - `gpsd`: fixes from gpsd's JSON protocol, reconnecting after a failure;
/// - `nmea`: fixes from a serial receiver, reopened after a failure.
///
/// Retries back off from 2 s to a minute and are logged only as the wait grows, with one
/// notice when the source is back (`ReconnectBackoff`).
///
/// Unusable fixes (no position, no accuracy) are not published: the fix the tick holds goes
/// stale and the geofence fails closed. While UTC is unknown (the system clock is not
/// synchronised), a GNSS fix's time sets it.
final class PositionService: Sendable {
    private let thread: ServiceThread

    init(source: DaemonConfiguration.LocationSource, channels: TerminalChannels, utc: UTCReference, logger: Logger) {
        let publisher = FixPublisher(channels: channels, utc: utc)
        switch source {
        case .fixed(let latitude, let longitude, let altitude, let uncertainty):
            thread = ServiceThread(name: "utermd-position") { stop in
                repeat {
                    let now = MonotonicTime.unsignedNanoseconds()
                    let utcNow = utc.utc(atMonotonicNanoseconds: Nanoseconds(now))?.nanosecondsSinceUnixEpoch ?? .min
                    publisher.publish(
                        latitudeDegrees: latitude, longitudeDegrees: longitude, heightMetres: altitude,
                        uncertaintyMetres: uncertainty, receivedAtNanoseconds: now, utcNanoseconds: utcNow)
                } while !stop.wait(seconds: 1)
            }
        case .gpsd(let host, let port):
            thread = ServiceThread(name: "utermd-gpsd") { stop in
                var backoff = ReconnectBackoff()
                while !stop.isRequested {
                    do {
                        let client = try GPSDClient(host: host, port: port)
                        Self.logConnected("gpsd \(host):\(port)", after: backoff.connected(), logger: logger)
                        while !stop.isRequested {
                            for fix in try client.readFixes(timeout: .milliseconds(500)) { publisher.publish(fix) }
                        }
                    } catch {
                        if Self.waitToRetry("gpsd \(host):\(port)", error, &backoff, stop: stop, logger: logger) { return }
                    }
                }
            }
        case .nmea(let device, let baud):
            thread = ServiceThread(name: "utermd-nmea") { stop in
                var backoff = ReconnectBackoff()
                while !stop.isRequested {
                    do {
                        let reader = try NMEAStreamReader(path: device, baudRate: baud)
                        Self.logConnected("NMEA \(device)", after: backoff.connected(), logger: logger)
                        defer { reader.close() }
                        while !stop.isRequested {
                            for fix in try reader.readFixes(timeout: .milliseconds(500)) { publisher.publish(fix) }
                        }
                    } catch {
                        if Self.waitToRetry("NMEA \(device)", error, &backoff, stop: stop, logger: logger) { return }
                    }
                }
            }
        }
    }

    /// Stops the thread and waits for it.
    func stop() { thread.stop() }

    private static func logConnected(_ source: String, after outage: (failures: Int, downSeconds: Double)?, logger: Logger) {
        if let outage {
            logger.notice("\(source): back after \(outage.failures) failed attempts over \(Int(outage.downSeconds)) s")
        } else {
            logger.info("\(source): connected")
        }
    }

    /// Logs the failure when the backoff says so and waits; true when asked to stop meanwhile.
    private static func waitToRetry(
        _ source: String, _ error: any Error, _ backoff: inout ReconnectBackoff, stop: ServiceThread.StopRequest, logger: Logger
    ) -> Bool {
        let retry = backoff.failed()
        if retry.logs {
            logger.warning(
                "\(source): \(error); retrying every \(Int(retry.delaySeconds)) s (said again only when the wait grows)")
        }
        return stop.wait(seconds: retry.delaySeconds)
    }
}

/// Numbers fixes and publishes them to the tick (one publisher thread).
private final class FixPublisher: @unchecked Sendable {
    // @unchecked: `sequence` is touched only by the one position thread.
    private let channels: TerminalChannels
    private let utc: UTCReference
    private var sequence: UInt64 = 0

    init(channels: TerminalChannels, utc: UTCReference) {
        self.channels = channels
        self.utc = utc
    }

    func publish(_ fix: GNSSFix) {
        guard fix.isUsable, let accuracy = fix.horizontalAccuracyMetres else { return }
        let fixUTC = fix.utc?.nanosecondsSinceUnixEpoch ?? .min
        if !utc.isKnown, fixUTC != .min {
            utc.synchronise(
                utc: UTCInstant(nanosecondsSinceUnixEpoch: fixUTC), atMonotonicNanoseconds: Nanoseconds(fix.receivedAtNanoseconds)
            )
        }
        publish(
            latitudeDegrees: fix.latitudeDegrees, longitudeDegrees: fix.longitudeDegrees, heightMetres: fix.altitudeMetres ?? 0,
            uncertaintyMetres: accuracy, receivedAtNanoseconds: fix.receivedAtNanoseconds, utcNanoseconds: fixUTC)
    }

    func publish(
        latitudeDegrees: Double, longitudeDegrees: Double, heightMetres: Double, uncertaintyMetres: Double,
        receivedAtNanoseconds: UInt64, utcNanoseconds: Int64
    ) {
        sequence += 1
        channels.fixes.publish(
            FixSnapshot(
                sequence: sequence, latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees,
                heightMetres: heightMetres, horizontalUncertaintyMetres: uncertaintyMetres,
                receivedAtNanoseconds: Int64(receivedAtNanoseconds), utcNanoseconds: utcNanoseconds))
    }
}
