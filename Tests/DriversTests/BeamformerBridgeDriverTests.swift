import Drivers
import HAL
import HALSim
import TestSupport
import Testing

/// The beamformer bridge driver against the simulated bridge, step by step in virtual time.
@Suite struct BeamformerBridgeDriverTests {
    static let elementCount = 1280

    final class Bench {
        let clock = ManualSimulationClock()
        let bus: SimulatedUSB
        let bridge = SimulatedBeamformerBridge(chipCount: 320)
        let mailbox = BeamSteeringMailbox(elementCount: BeamformerBridgeDriverTests.elementCount)
        let health = BeamformerHealthCell()
        let driver: BeamformerBridgeDriver<SimulatedUSB>

        init() throws {
            bus = SimulatedUSB(clock: clock)
            bus.plug(bridge)
            let configuration = try #require(
                BeamformerBridgeDriverConfiguration(
                    board: SimBoard.profile, elementCount: BeamformerBridgeDriverTests.elementCount))
            let clock = clock
            driver = BeamformerBridgeDriver(
                backend: bus, hotplug: bus, configuration: configuration, mailbox: mailbox, health: health,
                now: { clock.nowNanoseconds })
        }

        /// Steering whose codes depend on `seed`, as the Beam module would compute them.
        func steering(_ seed: Int) -> [BeamformerChannelCode] {
            (0..<BeamformerBridgeDriverTests.elementCount).map {
                BeamformerChannelCode(phaseCode: UInt8(($0 * seed + 7) % 128), gainCode: UInt8(100 + seed % 20))
            }
        }

        @discardableResult
        func post(_ codes: [BeamformerChannelCode]) -> UInt64 {
            guard case .posted(let version) = mailbox.post(codes, atNanoseconds: clock.nowNanoseconds) else { return 0 }
            return version
        }

        /// The tick's verdict on the beamformer.
        var isReady: Bool {
            health.current.isReady(
                postedVersion: mailbox.latestVersion, postedAtNanoseconds: clock.nowNanoseconds,
                atNanoseconds: clock.nowNanoseconds,
                maximumLagNanoseconds: 0)
        }
    }

    @Test func itConnectsLoadsAndLatchesTheLatestSteering() throws {
        let bench = try Bench()
        #expect(!bench.isReady)
        #expect(bench.driver.serviceOnce() == .connected)
        let codes = bench.steering(3)
        let version = bench.post(codes)
        #expect(bench.driver.serviceOnce() == .updated(version: version))
        #expect(bench.bridge.appliedCodes == codes)
        #expect(bench.isReady)
        #expect(
            bench.bridge.requests.map(\.command) == [.reset, .readStatus, .loadBeamState, .loadBeamState, .loadBeamState, .latch])
        #expect(bench.bridge.requests.allSatisfy { $0.reply.status == .ok })
        // The next update goes into the other slot, so the beam in force is never overwritten.
        let next = bench.post(bench.steering(5))
        #expect(bench.driver.serviceOnce() == .updated(version: next))
        #expect(bench.bridge.latches.map(\.slot) == [0, 1])
        #expect(bench.driver.serviceOnce() == .idle)
        bench.clock.advance(by: .milliseconds(300))
        #expect(bench.driver.serviceOnce() == .heartbeat)
    }

    @Test func aUSBUnplugMidUpdateInhibitsTransmitAndTheDriverReconnectsWhenTheDeviceReturns() throws {
        let bench = try Bench()
        let transmit = try TransmitBench()
        // Driver, bridge and GPIO share one virtual time line.
        func tick() {
            transmit.clock.advance(toNanoseconds: bench.clock.nowNanoseconds)
            var conditions = TransmitConditions.allMet
            conditions.beamformerHealthy = bench.isReady
            transmit.tick(conditions)
            bench.clock.advance(toNanoseconds: transmit.clock.nowNanoseconds)
        }
        bench.driver.serviceOnce()
        let first = bench.steering(3)
        bench.post(first)
        bench.driver.serviceOnce()
        for _ in 0..<3 { tick() }
        #expect(transmit.interlock.isTransmitEnabled)

        // New steering; the bridge is pulled out 600 bytes into the first load frame.
        let second = bench.steering(11)
        bench.post(second)
        bench.bus.inject(.disconnectMidTransfer(afterBytes: 600), into: bench.bridge)
        let failure = bench.driver.serviceOnce()
        guard case .failed(let error) = failure else {
            Issue.record("expected a failure, got \(failure)")
            return
        }
        #expect(error.isDisconnection)
        #expect(!bench.health.current.isConnected && !bench.isReady)
        let unplugTime = bench.clock.nowNanoseconds
        tick()
        #expect(!transmit.interlock.isTransmitEnabled)
        let off = try #require(transmit.transmitTrace.last)
        #expect(off.level == .inactive && off.timeNanoseconds == unplugTime)
        #expect(transmit.interlock.unmet == TransmitConditionSet(.beamformerHealthy))
        // The array keeps the old beam: no half-loaded state was ever latched.
        #expect(bench.bridge.appliedCodes == first)
        #expect(bench.bridge.requests.last?.reply.status == .truncated)

        // While it is away, the driver waits (and retries now and then) without success.
        for _ in 0..<5 {
            bench.clock.advance(by: .milliseconds(400))
            _ = bench.driver.serviceOnce()
            tick()
        }
        #expect(!bench.driver.isConnected && !transmit.interlock.isTransmitEnabled)

        // Plugged back in (it lost power): the hot-plug event brings the driver back at once.
        bench.bridge.powerCycle()
        bench.bus.plug(bench.bridge)
        #expect(bench.driver.serviceOnce() == .connected)
        #expect(!bench.isReady)  // connected, but the latest steering is not latched yet
        tick()
        #expect(!transmit.interlock.isTransmitEnabled)
        guard case .updated = bench.driver.serviceOnce() else {
            Issue.record("the latest steering was not reloaded")
            return
        }
        #expect(bench.bridge.appliedCodes == second)
        #expect(bench.health.current.connectionCount == 2)
        tick()
        tick()
        #expect(transmit.interlock.isTransmitEnabled)
        #expect(try transmit.auditEvents() == ["transmit/on", "transmit/off", "transmit/on"])
    }

    @Test func oneCorruptedReplyIsRetriedAndTwoAreATypedFailure() throws {
        let bench = try Bench()
        bench.driver.serviceOnce()
        bench.post(bench.steering(2))
        bench.bus.inject(.corruptReply(byteOffset: 9, xorMask: 0x40), into: bench.bridge)
        #expect(bench.driver.serviceOnce() == .updated(version: 1))
        #expect(bench.health.current.retryCount == 1 && bench.health.current.rejectedReplyCount == 1)
        #expect(bench.bridge.latchCountSinceReset == 1)

        // Two bad answers in a row: the first attempt's request times out, the retry's reply
        // is corrupted. (Faults that alter a reply all act on the next reply, so the first
        // failure is a timeout.)
        bench.post(bench.steering(4))
        bench.bus.inject(.timeout, into: bench.bridge)
        bench.bus.inject(.corruptReply(byteOffset: 9, xorMask: 0x40), into: bench.bridge)
        let failure = bench.driver.serviceOnce()
        guard case .failed(.frame(.badCRC)) = failure else {
            Issue.record("expected a bad CRC, got \(failure)")
            return
        }
        #expect(!bench.isReady)
        // The next step reconnects (reset, resynchronise) and reloads.
        #expect(bench.driver.serviceOnce() == .connected)
        #expect(bench.driver.serviceOnce() == .updated(version: 2))
        #expect(bench.bridge.appliedCodes == bench.steering(4))
    }

    @Test func truncatedAndGarbageRepliesAreRejectedWithTypedErrors() throws {
        let bench = try Bench()
        bench.driver.serviceOnce()
        bench.clock.advance(by: .seconds(1))
        bench.bus.inject(.timeout, into: bench.bridge)
        bench.bus.inject(.truncateReply(toLength: 5), into: bench.bridge)
        #expect(bench.driver.serviceOnce() == .failed(.frame(.truncated(receivedByteCount: 5, neededByteCount: 8))))

        #expect(bench.driver.serviceOnce() == .connected)
        bench.clock.advance(by: .seconds(1))
        bench.bus.inject(.timeout, into: bench.bridge)
        bench.bus.inject(.corruptReply(byteOffset: 0, xorMask: 0xFF), into: bench.bridge)
        #expect(bench.driver.serviceOnce() == .failed(.frame(.badMagic(found: 0xAA42))))
        #expect(bench.health.current.rejectedReplyCount == 2)
        #expect(bench.health.current.retryCount == 2)
    }

    @Test func aTimeoutOrAStallIsRetriedOnce() throws {
        let bench = try Bench()
        bench.driver.serviceOnce()
        bench.post(bench.steering(6))
        let before = bench.clock.nowNanoseconds
        bench.bus.inject(.timeout, into: bench.bridge)
        #expect(bench.driver.serviceOnce() == .updated(version: 1))
        #expect(bench.clock.nowNanoseconds - before == 20_000_000)  // one reply timeout of virtual time
        bench.post(bench.steering(8))
        bench.bus.inject(.stall(BeamformerBridgeProtocol.requestEndpoint), into: bench.bridge)
        #expect(bench.driver.serviceOnce() == .updated(version: 2))
        #expect(bench.health.current.retryCount == 2)
        #expect(bench.bridge.appliedCodes == bench.steering(8))
    }

    @Test func aHungBridgeIsFoundByTheHeartbeat() throws {
        let bench = try Bench()
        bench.driver.serviceOnce()
        bench.post(bench.steering(1))
        bench.driver.serviceOnce()
        #expect(bench.isReady)
        bench.bridge.isSilent = true
        bench.clock.advance(by: .milliseconds(300))
        #expect(bench.driver.serviceOnce() == .failed(.usb(USBError(kind: .timeout, operation: "bulk IN on IN 0x81"))))
        #expect(!bench.isReady)
    }

    @Test func aBridgeDrivingTooFewElementsIsRefused() throws {
        let bench = try Bench()
        let small = SimulatedBeamformerBridge(chipCount: 4)
        bench.bus.unplug(bench.bridge)
        bench.bus.plug(small)
        #expect(bench.driver.serviceOnce() == .failed(.tooFewElements(bridge: 16, array: 1280)))
        #expect(bench.mailbox.post([.zero], atNanoseconds: 0) == .wrongElementCount(expected: 1280, received: 1))
    }
}
