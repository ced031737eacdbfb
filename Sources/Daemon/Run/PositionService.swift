import Drivers
import Foundation
import Logging
import RealTime
import Terminal

/// Feeds the tick's fix mailbox from the configured source, on a thread of its own:
///
/// - `fixed`: the configured position once a second, stamped now (a bench without GNSS);
/// - `gpsd`: fixes from gpsd's JSON protocol, reconnecting every 2 s after a failure;
/// - `nmea`: fixes from a serial receiver, reopened every 2 s after a failure.
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
                    let now = DriverMonotonicClock.nowNanoseconds()
                    let utcNow = utc.utc(atMonotonicNanoseconds: Nanoseconds(now))?.nanosecondsSinceUnixEpoch ?? .min
                    publisher.publish(
                        latitudeDegrees: latitude, longitudeDegrees: longitude, heightMetres: altitude,
                        uncertaintyMetres: uncertainty, receivedAtNanoseconds: now, utcNanoseconds: utcNow)
                } while !stop.wait(seconds: 1)
            }
        case .gpsd(let host, let port):
            thread = ServiceThread(name: "utermd-gpsd") { stop in
                while !stop.isRequested {
                    do {
                        let client = try GPSDClient(host: host, port: port)
                        logger.info("gpsd: connected to \(host):\(port)")
                        while !stop.isRequested {
                            for fix in try client.readFixes(timeout: .milliseconds(500)) { publisher.publish(fix) }
                        }
                    } catch {
                        logger.warning("gpsd \(host):\(port): \(error); retrying in 2 s")
                        if stop.wait(seconds: 2) { return }
                    }
                }
            }
        case .nmea(let device, let baud):
            thread = ServiceThread(name: "utermd-nmea") { stop in
                while !stop.isRequested {
                    do {
                        let reader = try NMEAStreamReader(path: device, baudRate: baud)
                        logger.info("NMEA: reading \(device)")
                        defer { reader.close() }
                        while !stop.isRequested {
                            for fix in try reader.readFixes(timeout: .milliseconds(500)) { publisher.publish(fix) }
                        }
                    } catch {
                        logger.warning("NMEA \(device): \(error); retrying in 2 s")
                        if stop.wait(seconds: 2) { return }
                    }
                }
            }
        }
    }

    /// Stops the thread and waits for it.
    func stop() { thread.stop() }
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
        let fixUTC = fix.utc.map { $0.secondsSinceUnixEpoch * 1_000_000_000 + Int64($0.nanoseconds) } ?? .min
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
