import HAL
import Platform

/// Feeds the beamformer bridge: takes the latest steering from a `BeamSteeringMailbox`,
/// loads it into a stored beam-state slot and latches it, and keeps a `BeamformerHealthCell`
/// telling the tick whether the array radiates what the tick computed.
///
/// ## Thread
/// Runs off the real-time thread, on one thread of its own: `run(until:)` loops, or a test
/// calls `serviceOnce()` step by step (deterministic, in the simulation's virtual time). The
/// tick touches only the mailbox and the health cell, never this object. Build the driver
/// on its thread (USB handles are not thread-safe):
///
/// ```swift
/// let stop = DriverStopFlag()
/// Thread.detachNewThread {
///     let driver = BeamformerBridgeDriver(backend: LinuxUSB(), hotplug: try? LinuxUSBHotplugMonitor(),
///                                         configuration: configuration, mailbox: mailbox, health: health)
///     driver.run(until: stop)
/// }
/// ```
///
/// ## Each step
/// 1. Hot-plug events: the bridge leaving drops the connection; arriving triggers a reconnect.
/// 2. Not connected: open, claim interface 0, reset, read status (at once after an arrival
///    or a failure, else every `reconnectIntervalNanoseconds`).
/// 3. Connected and newer steering posted: load it into the slot not in force (slots 0 and 1
///    alternate), in frames of `elementsPerLoad` elements, then latch it.
/// 4. Connected and idle for `heartbeatIntervalNanoseconds`: read status.
///
/// Every request waits for its acknowledgement (`replyTimeout`) and is retried once, with
/// the same sequence number (the bridge answers a retry without executing it twice), when
/// the reply timed out, was garbage, truncated, corrupted, or the bridge says the request
/// reached it damaged. A stale reply to an earlier request is skipped. Any other failure
/// (the device gone, a refusal, a second failure) marks the link unhealthy at once, which
/// `BeamformerHealth.isReady` turns into "transmit inhibited", closes the device, and
/// reconnects (with a reset, and a reload of the latest steering).
package final class BeamformerBridgeDriver<Backend: USBBackend> {
    /// What one step did.
    package enum Activity: Sendable, Hashable {
        /// Nothing to do.
        case idle
        /// Not connected, and not yet time to try again.
        case waitingForDevice
        /// Connected (opened, reset, status read).
        case connected
        /// Latched steering version `version`.
        case updated(version: UInt64)
        /// Checked the bridge with a read status.
        case heartbeat
        /// An exchange or a connection attempt failed.
        case failed(BeamformerBridgeError)
    }

    /// The configuration in use.
    package let configuration: BeamformerBridgeDriverConfiguration
    private let backend: Backend
    private let hotplug: (any USBHotplugMonitor)?
    private let mailbox: BeamSteeringMailbox
    private let health: BeamformerHealthCell
    private let now: () -> UInt64

    private var device: Backend.Device?
    private var nextSequence: UInt16 = 0
    private var transmitBuffer = [UInt8](repeating: 0, count: BeamformerBridgeProtocol.maximumFrameByteCount)
    private var receiveBuffer = [UInt8](repeating: 0, count: BeamformerBridgeProtocol.maximumFrameByteCount)
    private var steering: [BeamformerChannelCode] = []
    private var appliedVersion: UInt64 = 0
    private var nextSlot: UInt8 = 0
    private var nextReconnectAtNanoseconds: UInt64 = 0
    private var nextHeartbeatAtNanoseconds: UInt64 = 0

    /// A driver opening bridges through `backend`, told of hot-plugs by `hotplug` (nil:
    /// periodic retries only), fed by `mailbox`, publishing into `health`. `now` is the
    /// monotonic clock in nanoseconds (the simulation's virtual clock in tests).
    package init(
        backend: Backend, hotplug: (any USBHotplugMonitor)?, configuration: BeamformerBridgeDriverConfiguration,
        mailbox: BeamSteeringMailbox, health: BeamformerHealthCell,
        now: @escaping () -> UInt64 = MonotonicTime.unsignedNanoseconds
    ) {
        self.backend = backend
        self.hotplug = hotplug
        var configuration = configuration
        configuration.elementsPerLoad = min(
            max(1, configuration.elementsPerLoad), BeamformerBridgeProtocol.maximumElementsPerLoad)
        self.configuration = configuration
        self.mailbox = mailbox
        self.health = health
        self.now = now
    }

    /// Whether a bridge is open.
    package var isConnected: Bool { device != nil }

    /// Does one step (see the type's notes) and returns what it did.
    @discardableResult
    package func serviceOnce() -> Activity {
        handleHotplug()
        guard let device else {
            guard now() >= nextReconnectAtNanoseconds else { return .waitingForDevice }
            do {
                try connect()
                return .connected
            } catch {
                nextReconnectAtNanoseconds = now() + configuration.reconnectIntervalNanoseconds
                return fail(error)
            }
        }
        do {
            if let latest = mailbox.takeLatest(newerThan: appliedVersion, into: &steering) {
                try apply(latest.version, postedAtNanoseconds: latest.postedAtNanoseconds, on: device)
                return .updated(version: latest.version)
            }
            guard now() >= nextHeartbeatAtNanoseconds else { return .idle }
            _ = try exchange(.readStatus, on: device) { sequence, buffer throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence, into: buffer)
            }
            nextHeartbeatAtNanoseconds = now() + configuration.heartbeatIntervalNanoseconds
            return .heartbeat
        } catch {
            // Reconnect at once: if the bridge is still there, the reset resynchronises it.
            nextReconnectAtNanoseconds = error.isDisconnection ? now() + configuration.reconnectIntervalNanoseconds : now()
            return fail(error)
        }
    }

    /// Steps until `stop` is raised, sleeping between steps until steering is posted (at
    /// most `idleWaitNanoseconds`); then closes the bridge.
    package func run(until stop: DriverStopFlag, idleWaitNanoseconds: UInt64 = 20_000_000) {
        while !stop.isRaised {
            serviceOnce()
            _ = mailbox.waitForPost(newerThan: device == nil ? .max : appliedVersion, timeoutNanoseconds: idleWaitNanoseconds)
        }
        disconnect()
    }

    /// Closes the bridge (it keeps the beam last latched) and reports "not connected".
    package func disconnect() {
        device?.close()
        device = nil
        appliedVersion = 0
        health.update {
            $0.isConnected = false
            $0.isLinkHealthy = false
        }
    }

    // MARK: Steps

    private func handleHotplug() {
        guard let hotplug, let events = try? hotplug.pollHotplugEvents(timeout: .zero) else { return }
        for event in events where event.device.id == configuration.identifier {
            switch event.change {
            case .left where device != nil:
                _ = fail(.usb(USBError(kind: .disconnected, operation: "hot-plug: \(event)")))
                nextReconnectAtNanoseconds = now() + configuration.reconnectIntervalNanoseconds
            case .arrived where device == nil:
                nextReconnectAtNanoseconds = now()
            default:
                break
            }
        }
    }

    private func connect() throws(BeamformerBridgeError) {
        let opened: Backend.Device
        do {
            opened = try backend.openDevice(configuration.identifier, serialNumber: configuration.serialNumber)
            try opened.claimInterface(BeamformerBridgeProtocol.interfaceNumber)
        } catch {
            throw .usb(error)
        }
        device = opened
        do throws(BeamformerBridgeError) {
            _ = try exchange(.reset, on: opened) { sequence, buffer throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.encodeReset(sequence: sequence, into: buffer)
            }
            let status = try exchange(.readStatus, on: opened) { sequence, buffer throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence, into: buffer)
            }
            let driven = status.statusBlock?.elementCount ?? 0
            guard driven >= configuration.elementCount else {
                throw BeamformerBridgeError.tooFewElements(bridge: driven, array: configuration.elementCount)
            }
        } catch {
            opened.close()
            device = nil
            throw error
        }
        appliedVersion = 0
        nextSlot = 0
        nextHeartbeatAtNanoseconds = now() + configuration.heartbeatIntervalNanoseconds
        health.update {
            $0.isConnected = true
            $0.isLinkHealthy = true
            $0.appliedVersion = 0
            $0.connectionCount += 1
        }
    }

    private func apply(_ version: UInt64, postedAtNanoseconds: UInt64, on device: Backend.Device) throws(BeamformerBridgeError) {
        let slot = nextSlot
        let total = min(configuration.elementCount, steering.count)
        var first = 0
        while first < total {
            let count = min(configuration.elementsPerLoad, total - first)
            let start = first
            _ = try exchange(.loadBeamState, on: device) { sequence, buffer throws(BeamformerBridgeFrameError) in
                let result = steering.withUnsafeBufferPointer { codes in
                    Result { () throws(BeamformerBridgeFrameError) in
                        try BeamformerBridgeCodec.encodeLoadBeamState(
                            slot: slot, firstElement: start, codes: UnsafeBufferPointer(rebasing: codes[start..<start + count]),
                            sequence: sequence, into: buffer)
                    }
                }
                return try result.get()
            }
            first += count
        }
        _ = try exchange(.latch, on: device) { sequence, buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeLatch(slot: slot, sequence: sequence, into: buffer)
        }
        nextSlot = slot == 0 ? 1 : 0
        appliedVersion = version
        let latchedAt = now()
        nextHeartbeatAtNanoseconds = latchedAt + configuration.heartbeatIntervalNanoseconds
        health.update {
            $0.isLinkHealthy = true
            $0.appliedVersion = version
            $0.appliedAtNanoseconds = latchedAt
            $0.appliedPostedAtNanoseconds = postedAtNanoseconds
        }
    }

    /// Marks the link unhealthy and closes the device; returns `.failed(error)`.
    private func fail(_ error: BeamformerBridgeError) -> Activity {
        device?.close()
        device = nil
        appliedVersion = 0
        health.update {
            $0.isConnected = false
            $0.isLinkHealthy = false
            $0.lastError = error
        }
        return .failed(error)
    }

    // MARK: Transfers (used by the exchange in BeamformerBridgeDriver+Exchange.swift)

    func takeSequence() -> UInt16 {
        defer { nextSequence &+= 1 }
        return nextSequence
    }

    func withTransmitBuffer(_ body: (UnsafeMutableRawBufferPointer) throws(BeamformerBridgeFrameError) -> Int)
        throws(BeamformerBridgeFrameError) -> Int
    {
        try transmitBuffer.withUnsafeMutableBytes { buffer in
            Result { () throws(BeamformerBridgeFrameError) in try body(buffer) }
        }.get()
    }

    /// Sends the first `length` bytes of the transmit buffer as one bulk transfer.
    func send(_ length: Int, on device: Backend.Device) throws(BeamformerBridgeError) {
        let timeout = configuration.replyTimeout
        let result = transmitBuffer.withUnsafeBytes { bytes in
            Result { () throws(USBError) in
                try device.bulkTransferOut(
                    to: BeamformerBridgeProtocol.requestEndpoint, from: UnsafeRawBufferPointer(rebasing: bytes[0..<length]),
                    timeout: timeout)
            }
        }
        do { _ = try result.get() } catch { throw .usb(error) }
    }

    /// Receives one reply and decodes it (without judging its sequence).
    func receive(on device: Backend.Device) throws(BeamformerBridgeError) -> BeamformerBridgeFrame {
        let timeout = configuration.replyTimeout
        let received = receiveBuffer.withUnsafeMutableBytes { buffer in
            Result { () throws(USBError) in
                try device.bulkTransferIn(from: BeamformerBridgeProtocol.replyEndpoint, into: buffer, timeout: timeout)
            }
        }
        let count: Int
        do { count = try received.get() } catch { throw .usb(error) }
        let decoded = receiveBuffer.withUnsafeBytes { bytes in
            Result { () throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
            }
        }
        do {
            return try decoded.get()
        } catch {
            noteRejectedReply()
            throw .frame(error)
        }
    }

    func noteRetry() { health.update { $0.retryCount += 1 } }

    func noteRejectedReply() { health.update { $0.rejectedReplyCount += 1 } }
}
