import Drivers
import Foundation
import HAL
import HALLinux
import Platform

/// The firmware's own beamformer driver over libusb against the emulated bridge: it must
/// connect (reset, read status), load and latch a posted steering, and the emulator must
/// record exactly the codes posted.
struct DriverCheck {
    let identifier: USBIdentifier
    let serialNumber: String?
    let elementCount: Int
    let replyTimeout: Duration
    let statesPath: String?

    /// Runs the check into `report`.
    func run(into report: inout ExerciseReport) {
        var configuration = BeamformerBridgeDriverConfiguration(
            identifier: identifier, serialNumber: serialNumber, elementCount: elementCount)
        configuration.replyTimeout = replyTimeout
        let mailbox = BeamSteeringMailbox(elementCount: elementCount)
        let health = BeamformerHealthCell()
        let driver = BeamformerBridgeDriver(
            backend: LinuxUSB(), hotplug: nil, configuration: configuration, mailbox: mailbox, health: health)
        defer { driver.disconnect() }

        let steering = (0..<elementCount).map { (element: Int) -> BeamformerChannelCode in
            let phase = UInt8(truncatingIfNeeded: (element * 13 + 5) % 128)
            let gain = UInt8(truncatingIfNeeded: 100 + element % 28)
            return BeamformerChannelCode(phaseCode: phase, gainCode: gain)
        }
        guard case .posted(let version) = mailbox.post(steering, atNanoseconds: MonotonicTime.unsignedNanoseconds()) else {
            report.fail("driver: the steering could not be posted")
            return
        }
        let start = MonotonicTime.unsignedNanoseconds()
        let deadline = start + 10_000_000_000
        var activities: [String] = []
        var latchedAt: UInt64?
        while latchedAt == nil, MonotonicTime.unsignedNanoseconds() < deadline {
            let activity = driver.serviceOnce()
            switch activity {
            case .updated(let applied) where applied == version:
                latchedAt = MonotonicTime.unsignedNanoseconds()
            case .idle, .heartbeat, .waitingForDevice:
                usleep(10_000)
            default:
                activities.append("\(activity)")
            }
        }
        guard let latchedAt else {
            report.fail("driver: no latch of the posted steering within 10 s (\(activities.joined(separator: ", ")))")
            return
        }
        let milliseconds = String(format: "%.1f", Double(latchedAt - start) / 1e6)
        report.pass(
            "driver (BeamformerBridgeDriver over LinuxUSB): connected and latched \(elementCount) elements in \(milliseconds) ms")
        let state = health.current
        report.check(
            state.isConnected && state.isLinkHealthy && state.appliedVersion == version && state.retryCount == 0,
            "driver health: connected, link healthy, version \(version) applied, no retries", detail: "\(state)")

        guard let statesPath else { return }
        let expected = steering.withUnsafeBytes { CRC32C.checksum($0) }
        guard let latch = Self.lastLatch(in: statesPath) else {
            report.fail("emulator states \(statesPath): no latch recorded")
            return
        }
        let recorded = latch["codes_crc32c"] as? String
        let phases = (latch["phase_codes"] as? String).map(Self.bytes(hex:))
        report.check(
            recorded == "0x" + String(expected, radix: 16) && phases == steering.map { $0.phaseCode },
            "the emulator applied exactly the codes the driver was given (CRC-32C 0x\(String(expected, radix: 16)))",
            detail: "recorded \(recorded ?? "nothing")")
    }

    /// The last `latch` line of the emulator's states file, parsed.
    private static func lastLatch(in path: String) -> [String: Any]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n").reversed() where line.contains("\"event\":\"latch\"") {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] { return object }
        }
        return nil
    }

    private static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap {
            UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)
        }
    }
}
