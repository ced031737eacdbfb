import Drivers
import Foundation
import HAL
import HALLinux
import Platform

/// The firmware's beamformer bridge driver over libusb on a thread of its own, as the
/// daemon runs it: built on that thread (USB handles stay on one thread), told of hot-plugs
/// by `LinuxUSBHotplugMonitor` (periodic retries when hot-plug is unavailable).
final class BridgeDriverThread: @unchecked Sendable {
    // @unchecked: the driver lives on its thread only; `flag` and `done` are thread-safe.
    private let flag = DriverStopFlag()
    private let done = Latch()
    private let health: BeamformerHealthCell

    init(configuration: BeamformerBridgeDriverConfiguration, mailbox: BeamSteeringMailbox, health: BeamformerHealthCell) {
        self.health = health
        let flag = flag
        let done = done
        let thread = Thread {
            let driver = BeamformerBridgeDriver(
                backend: LinuxUSB(), hotplug: try? LinuxUSBHotplugMonitor(), configuration: configuration, mailbox: mailbox,
                health: health)
            driver.run(until: flag)
            done.open()
        }
        thread.name = "utermd-beamformer"
        thread.start()
    }

    /// Stops the driver (it disconnects) and says what it did.
    func stop() -> String {
        flag.raise()
        let stopped = done.wait(seconds: 10)
        let state = health.current
        return "bridge driver: \(state.connectionCount) connections, \(state.retryCount) retries, "
            + "\(state.rejectedReplyCount) replies rejected\(stopped ? "" : " (did not stop within 10 s)")"
            + (state.lastError.map { ", last error: \($0)" } ?? "")
    }
}
