import HAL
import HALSim
import TestSupport
import Testing

/// The simulated USB bus: device models, transfers, and every injected fault.
@Suite struct SimulatedUSBTests {
    let clock = ManualSimulationClock()
    let bridgeID = USBIdentifier(vendorID: 0x1209, productID: 0x0001)
    let out = USBEndpointAddress.output(1)
    let input = USBEndpointAddress.input(1)

    func bench() -> (SimulatedUSB, LoopbackUSBDeviceModel, SimulatedUSBDevice?) {
        let bus = SimulatedUSB(clock: clock)
        let model = LoopbackUSBDeviceModel(identifier: bridgeID)
        bus.plug(model)
        let device = try? bus.openDevice(for: .beamformer, of: SimBoard.profile)
        try? device?.claimInterface(0)
        return (bus, model, device)
    }

    @Test func bytesGoOutAndComeBack() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        #expect(try device.bulkWrite([1, 2, 3, 4], to: out, timeout: .milliseconds(10)) == 4)
        #expect(try device.bulkRead(from: input, maxLength: 3, timeout: .milliseconds(10)) == [1, 2, 3])
        #expect(try device.bulkRead(from: input, maxLength: 64, timeout: .milliseconds(10)) == [4])
        #expect(model.received == [[1, 2, 3, 4]])
        #expect(bus.transfers.map(\.kind) == [.bulkOut, .bulkIn, .bulkIn])
        #expect(bus.transfers.allSatisfy { $0.failure == nil })
    }

    @Test func aDisconnectMidTransferIsDisconnected() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        _ = bus.pollHotplugEvents(timeout: .zero)
        bus.inject(.disconnectMidTransfer(afterBytes: 3), into: model)
        let error = expectUSBError(.disconnected) { try device.bulkWrite([9, 8, 7, 6, 5], to: out, timeout: .milliseconds(10)) }
        #expect(error?.transferredByteCount == 3)
        #expect(error?.name == "LIBUSB_ERROR_NO_DEVICE")
        #expect(model.received == [[9, 8, 7]])  // the device saw the part that made it
        expectUSBError(.disconnected) { _ = try device.bulkRead(from: input, maxLength: 8, timeout: .milliseconds(1)) }
        #expect(bus.pollHotplugEvents(timeout: .zero).map(\.change) == [.left])
        expectUSBError(.notFound) { _ = try bus.openDevice(bridgeID, serialNumber: nil) }
        // Plugged back, it is a new device at a new address; the old handle stays dead.
        let info = bus.plug(model)
        #expect(bus.pollHotplugEvents(timeout: .zero) == [USBHotplugEvent(.arrived, info)])
        expectUSBError(.disconnected) { try device.bulkWrite([1], to: out, timeout: .milliseconds(1)) }
        #expect(try bus.openDevice(bridgeID, serialNumber: nil).bulkWrite([1], to: out, timeout: .milliseconds(1)) == 1)
    }

    @Test func aDisconnectDuringAnInTransferDeliversThePartThatCame() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        try device.bulkWrite([1, 2, 3, 4, 5, 6], to: out, timeout: .milliseconds(10))
        bus.inject(.disconnectMidTransfer(afterBytes: 2), into: model)
        var buffer = [UInt8](repeating: 0, count: 6)
        let error = expectUSBError(.disconnected) {
            _ = try buffer.withUnsafeMutableBytes { try device.bulkTransferIn(from: input, into: $0, timeout: .milliseconds(5)) }
        }
        #expect(error?.transferredByteCount == 2)
        #expect(buffer == [1, 2, 0, 0, 0, 0])
    }

    @Test func aStalledEndpointStallsUntilTheHaltIsCleared() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        bus.inject(.stall(out), into: model)
        expectUSBError(.stall) { try device.bulkWrite([1], to: out, timeout: .milliseconds(10)) }
        expectUSBError(.stall) { try device.bulkWrite([1], to: out, timeout: .milliseconds(10)) }
        #expect(model.received.isEmpty)
        try device.clearHalt(out)
        #expect(try device.bulkWrite([1], to: out, timeout: .milliseconds(10)) == 1)
        #expect(bus.transfers.map(\.failure) == [.stall, .stall, nil])
    }

    @Test func aDeviceThatNaksTimesOutAfterExactlyItsTimeout() throws {
        let (_, _, opened) = bench()
        let device = try #require(opened)
        clock.advance(toNanoseconds: 1_000)
        // The loopback has nothing queued: it NAKs.
        expectUSBError(.timeout) { _ = try device.bulkRead(from: input, maxLength: 8, timeout: .milliseconds(20)) }
        #expect(clock.nowNanoseconds == 1_000 + 20_000_000)
    }

    @Test func anInjectedTimeoutHitsTheNextTransferOnly() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        bus.inject(.timeout, into: model)
        expectUSBError(.timeout) { try device.bulkWrite([1], to: out, timeout: .milliseconds(5)) }
        #expect(clock.nowNanoseconds == 5_000_000)
        #expect(try device.bulkWrite([1], to: out, timeout: .milliseconds(5)) == 1)
    }

    @Test func corruptedReplyBytesAreDeliveredAsIs() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        try device.bulkWrite([0x10, 0x20, 0x30], to: out, timeout: .milliseconds(10))
        bus.inject(.corruptReply(byteOffset: 1, xorMask: 0xFF), into: model)
        // No error: the HAL moves bytes; rejecting a bad frame is the protocol layer's job.
        #expect(try device.bulkRead(from: input, maxLength: 8, timeout: .milliseconds(10)) == [0x10, 0xDF, 0x30])
    }

    @Test func aTruncatedReplyIsAShortRead() throws {
        let (bus, model, opened) = bench()
        let device = try #require(opened)
        try device.bulkWrite([1, 2, 3, 4], to: out, timeout: .milliseconds(10))
        bus.inject(.truncateReply(toLength: 1), into: model)
        #expect(try device.bulkRead(from: input, maxLength: 8, timeout: .milliseconds(10)) == [1])
    }

    @Test func aReplyLongerThanAskedForIsAnOverflow() throws {
        final class Babbler: USBDeviceModel {
            let identifier = USBIdentifier(vendorID: 0x1209, productID: 0x0001)
            func receiveBulkOut(_ bytes: [UInt8], on endpoint: USBEndpointAddress, atNanoseconds time: UInt64) -> USBOutReply {
                .accepted
            }
            func produceBulkIn(on endpoint: USBEndpointAddress, maxLength: Int, atNanoseconds time: UInt64) -> USBInReply {
                .data([UInt8](repeating: 7, count: maxLength + 1))
            }
        }
        let bus = SimulatedUSB(clock: clock)
        bus.plug(Babbler())
        let device = try bus.openDevice(bridgeID, serialNumber: nil)
        let error = expectUSBError(.overflow) { _ = try device.bulkRead(from: input, maxLength: 4, timeout: .milliseconds(1)) }
        #expect(error?.transferredByteCount == 4)
    }

    @Test func controlTransfersReachTheModel() throws {
        final class Versioned: USBDeviceModel {
            let identifier = USBIdentifier(vendorID: 0x1209, productID: 0x0001)
            var lastSetting: [UInt8] = []
            func receiveBulkOut(_ bytes: [UInt8], on endpoint: USBEndpointAddress, atNanoseconds time: UInt64) -> USBOutReply {
                .accepted
            }
            func produceBulkIn(on endpoint: USBEndpointAddress, maxLength: Int, atNanoseconds time: UInt64) -> USBInReply {
                .nak
            }
            func handleControl(_ setup: USBControlSetup, data: [UInt8], atNanoseconds time: UInt64) -> USBInReply {
                switch setup.request {
                case 1: return .data([6, 0, 1])
                case 2: lastSetting = data; return .data([])
                default: return .stall
                }
            }
        }
        let model = Versioned()
        let bus = SimulatedUSB(clock: clock)
        bus.plug(model)
        let device = try bus.openDevice(bridgeID, serialNumber: nil)
        let vendorIn = USBRequestType(deviceToHost: true, kind: .vendor, recipient: .device)
        let vendorOut = USBRequestType(deviceToHost: false, kind: .vendor, recipient: .device)
        #expect(
            try device.controlRead(USBControlSetup(requestType: vendorIn, request: 1), length: 8, timeout: .milliseconds(5)) == [
                6, 0, 1,
            ])
        try device.controlWrite(
            USBControlSetup(requestType: vendorOut, request: 2, value: 3), bytes: [0xAA], timeout: .milliseconds(5))
        #expect(model.lastSetting == [0xAA])
        expectUSBError(.stall) {
            _ = try device.controlRead(USBControlSetup(requestType: vendorIn, request: 9), length: 2, timeout: .milliseconds(5))
        }
        // A control stall answers one request only.
        #expect(
            try device.controlRead(USBControlSetup(requestType: vendorIn, request: 1), length: 8, timeout: .milliseconds(5)).count
                == 3)
    }

    @Test func devicesAreChosenBySerialNumber() throws {
        let bus = SimulatedUSB(clock: clock)
        let gnssID = USBIdentifier(vendorID: 0x1546, productID: 0x01A8)
        bus.plug(LoopbackUSBDeviceModel(identifier: gnssID, serialNumber: "GNSS-1"))
        bus.plug(LoopbackUSBDeviceModel(identifier: gnssID, serialNumber: "GNSS-2"))
        #expect(try bus.openDevice(for: .gnss, of: SimBoard.profile).serialNumber == "GNSS-2")
        #expect(try bus.openDevice(gnssID, serialNumber: nil).serialNumber == "GNSS-1")
        expectUSBError(.notFound) { _ = try bus.openDevice(gnssID, serialNumber: "GNSS-3") }
    }

    @Test func aDeviceWithoutPermissionIsAnAccessError() {
        let bus = SimulatedUSB(clock: clock)
        bus.plug(LoopbackUSBDeviceModel(identifier: bridgeID), accessible: false)
        expectUSBError(.access) { _ = try bus.openDevice(bridgeID, serialNumber: nil) }
    }

    @Test func anInterfaceHasOneClaimant() throws {
        let (bus, _, opened) = bench()
        let first = try #require(opened)
        let second = try bus.openDevice(bridgeID, serialNumber: nil)
        expectUSBError(.busy) { try second.claimInterface(0) }
        first.close()
        try second.claimInterface(0)
        expectUSBError(.notFound) { try first.bulkWrite([1], to: out, timeout: .milliseconds(1)) }
        expectUSBError(.invalidParameter) { try second.bulkWrite([1], to: input, timeout: .milliseconds(1)) }
    }

    @Test func hotplugEventsComeInOrderAndAQuietPollWaitsItsTimeout() {
        let bus = SimulatedUSB(clock: clock)
        let model = LoopbackUSBDeviceModel(identifier: bridgeID)
        let first = bus.plug(model)
        bus.unplug(model)
        let second = bus.plug(model)
        #expect(
            bus.pollHotplugEvents(timeout: .seconds(1)) == [
                USBHotplugEvent(.arrived, first), USBHotplugEvent(.left, first), USBHotplugEvent(.arrived, second),
            ])
        #expect(second.address == first.address + 1)
        #expect(clock.nowNanoseconds == 0)
        #expect(bus.pollHotplugEvents(timeout: .seconds(1)).isEmpty)
        #expect(clock.nowNanoseconds == 1_000_000_000)
    }
}
