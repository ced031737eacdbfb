import Foundation
import HAL
import HALLinux
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// HALLinux against the real kernel: lines of a gpio-sim chip opened by role through
/// libgpiod. Skips, saying why, where gpio-sim cannot be set up (a container without
/// GPIO support; not root).
@Suite(.serialized, .enabled(if: GPIOSimBench.unavailableReason == nil, Comment(rawValue: GPIOSimBench.unavailableReason ?? "")))
struct LinuxGPIOKernelTests {
    let bench: GPIOSimBench
    let board: BoardProfile

    init() throws {
        let label = "utermd-test-\(getpid())"
        bench = try GPIOSimBench(label: label, lineCount: 16)
        board = BoardProfile(
            name: "gpio-sim",
            chips: [GPIOChipDescription(label: label, lineCount: 16)],
            lines: [
                .transmitEnable: GPIOLineAssignment(chipLabel: label, offset: 0, safeState: .inactive),
                .beamformerReset: GPIOLineAssignment(chipLabel: label, offset: 3, activeLow: true, safeState: .active),
                .faultIn: GPIOLineAssignment(chipLabel: label, offset: 8, activeLow: true, bias: .pullUp),
            ])
    }

    @Test func outputsAreDrivenBySafeStateValueAndReleaseInTheKernel() throws {
        let gpio = try LinuxGPIO(board: board)
        let transmit = try gpio.openOutput(.transmitEnable)
        #expect(try bench.isHigh(0) == false)
        try transmit.set(.active)
        #expect(try bench.isHigh(0) == true)
        #expect(try transmit.read() == .active)
        try transmit.release()
        #expect(try bench.isHigh(0) == false)
        // Active-low with an active safe state: a low pin from the request on.
        let reset = try gpio.openOutput(.beamformerReset)
        #expect(try bench.isHigh(3) == false)
        try reset.set(.inactive)
        #expect(try bench.isHigh(3) == true)
    }

    @Test func aSecondRequestOfTheSameLineIsBusy() throws {
        let gpio = try LinuxGPIO(board: board)
        let first = try gpio.openOutput(.transmitEnable)
        let error = #expect(throws: GPIOError.self) { _ = try gpio.openOutput(.transmitEnable) }
        #expect(error?.kind == .busy)
        _ = first
    }

    @Test func inputEdgesComeWithMonotonicKernelTimestamps() throws {
        let gpio = try LinuxGPIO(board: board)
        let fault = try gpio.openInput(.faultIn)
        try bench.pull(8, high: true)
        _ = try fault.readEvent(timeout: .milliseconds(50))  // whatever the request's bias caused
        #expect(try fault.read() == .inactive)
        let before = Self.monotonicNanoseconds()
        try bench.pull(8, high: false)  // active-low: a fault
        let event = try #require(try fault.readEvent(timeout: .seconds(1)))
        let after = Self.monotonicNanoseconds()
        #expect(event.edge == .rising)
        #expect((before...after).contains(event.timestampNanoseconds))
        #expect(try fault.read() == .active)
        try bench.pull(8, high: true)
        var buffer = GPIOEdgeEventBuffer(capacity: 4)
        let deadline = Self.monotonicNanoseconds() + 1_000_000_000
        while buffer.isEmpty, Self.monotonicNanoseconds() < deadline { try fault.pollEvents(into: &buffer) }
        #expect(buffer.first?.edge == .falling)
    }

    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}

/// What runs on every Linux machine, kernel GPIO support or not.
@Suite struct LinuxGPIOPlatformTests {
    @Test(.enabled(if: LinuxGPIO.unavailableReason == nil, "libgpiod is not loaded here (not Linux, or not installed)"))
    func aBoardWhoseChipIsAbsentIsChipNotFound() throws {
        let directory = NSTemporaryDirectory() + "utermd-nochips-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let board = BoardProfile(
            name: "t", chips: [GPIOChipDescription(label: "pinctrl-rp1", lineCount: 54)],
            lines: [.transmitEnable: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17, safeState: .inactive)])
        let error = #expect(throws: GPIOError.self) {
            _ = try LinuxGPIO(board: board, deviceDirectory: directory).openOutput(.transmitEnable)
        }
        #expect(error?.kind == .chipNotFound)
        #expect(error?.reason == "no GPIO chip in \(directory)")
    }

    @Test(.enabled(if: LinuxGPIO.unavailableReason != nil, "libgpiod is available here"))
    func withoutLibgpiodOpeningIsUnavailable() throws {
        let board = BoardProfile(
            name: "t", chips: [GPIOChipDescription(label: "c", lineCount: 1)],
            lines: [.transmitEnable: GPIOLineAssignment(chipLabel: "c", offset: 0, safeState: .inactive)])
        let error = #expect(throws: GPIOError.self) { _ = try LinuxGPIO(board: board).openOutput(.transmitEnable) }
        // On Linux the reason can only be a libgpiod that could not be loaded.
        #if os(Linux)
            #expect(error?.kind == .libraryNotFound)
        #else
            #expect(error?.kind == .unavailableOnPlatform)
        #endif
    }
}
