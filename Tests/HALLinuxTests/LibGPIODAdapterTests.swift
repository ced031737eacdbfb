#if os(Linux)
    import Foundation
    import HAL
    @testable import HALLinux
    import Testing

    /// HALLinux's use of libgpiod, checked call by call against a recording fake: no kernel.
    @Suite struct LibGPIODAdapterTests {
        static let board = BoardProfile(
            name: "rpi5",
            chips: [GPIOChipDescription(label: "pinctrl-rp1", lineCount: 54)],
            lines: [
                .transmitEnable: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17, safeState: .inactive),
                .beamformerReset: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 23, activeLow: true, safeState: .active),
                .faultIn: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 24, activeLow: true, bias: .pullUp),
                .transmitEnableSense: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 5, bias: .pullDown),
            ])

        /// gpiochip0 is some other chip; the header chip is gpiochip1, as on a Pi 5 before Linux 6.6.45.
        func fake(_ chips: [FakeLibGPIOD.Chip]? = nil) throws -> (FakeLibGPIOD, LinuxGPIO) {
            let fake = try FakeLibGPIOD(
                chips: chips ?? [.init(label: "rpi-firmware-gpio", lineCount: 8), .init(label: "pinctrl-rp1", lineCount: 54)])
            return (fake, try LinuxGPIO(board: Self.board, deviceDirectory: fake.directory, calls: fake.calls))
        }

        // MARK: Flags

        /// The values of `GPIOD_LINE_REQUEST_FLAG_*` in gpiod.h of libgpiod 1.6: BIT(2) to BIT(5).
        @Test(arguments: [false, true], GPIOBias.allCases)
        func activeLowAndBiasBecomeRequestFlags(activeLow: Bool, bias: GPIOBias) {
            let flags = LibGPIOD.requestFlags(activeLow: activeLow, bias: bias)
            let biasBit: Int32 =
                switch bias {
                case .asIs: 0
                case .disabled: 1 << 3
                case .pullDown: 1 << 4
                case .pullUp: 1 << 5
                }
            #expect(flags.rawValue == (activeLow ? 1 << 2 : 0) | biasBit)
        }

        // MARK: Outputs

        @Test func anOutputIsFoundByLabelAndRequestedAtItsSafeState() throws {
            let (fake, gpio) = try fake()
            let transmit = try gpio.openOutput(.transmitEnable)
            #expect(
                fake.log == [
                    "open gpiochip0", "label gpiochip0", "close gpiochip0",
                    "open gpiochip1", "label gpiochip1", "num_lines gpiochip1",
                    "request_output gpiochip1:17 consumer=utermd flags=none default=0",
                ])
            _ = transmit
        }

        @Test func releaseWritesTheSafeStateThenReleasesThenCloses() throws {
            let (fake, gpio) = try fake()
            let transmit = try gpio.openOutput(.transmitEnable)
            try transmit.set(.active)
            #expect(try transmit.read() == .active)
            let opened = fake.log.count
            try transmit.release()
            try transmit.release()
            #expect(Array(fake.log.dropFirst(opened)) == ["set gpiochip1:17 0", "release gpiochip1:17", "close gpiochip1"])
            #expect(fake.log.filter { $0.hasPrefix("set") } == ["set gpiochip1:17 1", "set gpiochip1:17 0"])
            let error = #expect(throws: GPIOError.self) { try transmit.set(.active) }
            #expect(error?.kind == .released)
        }

        @Test func droppingTheHandleDoesTheSameAsRelease() throws {
            let (fake, gpio) = try fake()
            var opened = 0
            do {
                let reset = try gpio.openOutput(.beamformerReset)
                try reset.set(.inactive)
                opened = fake.log.count
            }
            // Active-low and safe = active: requested with the flag and logical default 1.
            #expect(fake.log.contains("request_output gpiochip1:23 consumer=utermd flags=active_low default=1"))
            #expect(Array(fake.log.dropFirst(opened)) == ["set gpiochip1:23 1", "release gpiochip1:23", "close gpiochip1"])
        }

        @Test func aFailedSafeWriteIsThrownButTheLineIsStillReleased() throws {
            let (fake, gpio) = try fake()
            let transmit = try gpio.openOutput(.transmitEnable)
            fake.failNext["set"] = EIO
            let error = #expect(throws: GPIOError.self) { try transmit.release() }
            #expect(error?.kind == .system)
            #expect(error?.errno == .ioError)
            #expect(error?.operation == "set transmit_enable (pinctrl-rp1 line 17) to its safe state")
            // No second attempt from deinit: one failed write, then release and close.
            #expect(Array(fake.log.suffix(3)) == ["set gpiochip1:17 0", "release gpiochip1:17", "close gpiochip1"])
        }

        @Test func aBusyLineIsBusyWithItsErrnoAndTheChipIsClosed() throws {
            let (fake, gpio) = try fake()
            fake.failNext["request"] = EBUSY
            let error = #expect(throws: GPIOError.self) { _ = try gpio.openOutput(.transmitEnable) }
            #expect(error?.kind == .busy)
            #expect(error?.errno == .resourceBusy)
            #expect(error?.description.contains("(errno \(EBUSY))") == true)
            #expect(fake.log.last == "close gpiochip1")
            #expect(!fake.log.contains { $0.hasPrefix("release") })
        }

        // MARK: Finding chips

        @Test func aMissingLabelNamesTheChipsPresent() throws {
            let (fake, gpio) = try fake([.init(label: "gpio-mockup-A", lineCount: 8)])
            let error = #expect(throws: GPIOError.self) { _ = try gpio.openOutput(.transmitEnable) }
            #expect(error?.kind == .chipNotFound)
            #expect(error?.reason == "chips present: gpio-mockup-A")
            #expect(fake.log == ["open gpiochip0", "label gpiochip0", "close gpiochip0"])
        }

        @Test func anUnreadableChipIsReportedWhenTheLabelIsNotFound() throws {
            let (fake, gpio) = try fake([.init(label: "?", lineCount: 8, openErrno: EACCES)])
            let error = #expect(throws: GPIOError.self) { _ = try gpio.openOutput(.transmitEnable) }
            #expect(error?.kind == .accessDenied)
            #expect(error?.errno == .permissionDenied)
            #expect(fake.log == ["open gpiochip0"])
        }

        @Test func anUnreadableChipIsSkippedWhenTheLabelIsElsewhere() throws {
            let (fake, gpio) = try fake([
                .init(label: "?", lineCount: 8, openErrno: EACCES), .init(label: "pinctrl-rp1", lineCount: 54),
            ])
            let transmit = try gpio.openOutput(.transmitEnable)
            #expect(fake.log.last == "request_output gpiochip1:17 consumer=utermd flags=none default=0")
            withExtendedLifetime(transmit) {}
        }

        @Test func anOffsetBeyondTheChipIsOutOfRange() throws {
            let (fake, gpio) = try fake([.init(label: "pinctrl-rp1", lineCount: 16)])
            let error = #expect(throws: GPIOError.self) { _ = try gpio.openOutput(.transmitEnable) }
            #expect(error?.kind == .lineOutOfRange)
            #expect(fake.log.last == "close gpiochip0")
        }

        @Test func anInvalidBoardOpensNothing() throws {
            var board = Self.board
            board.lines[.transmitEnable]?.safeState = .active
            let fake = try FakeLibGPIOD(chips: [])
            let error = #expect(throws: GPIOError.self) {
                _ = try LinuxGPIO(board: board, deviceDirectory: fake.directory, calls: fake.calls)
            }
            #expect(error?.kind == .invalidBoard)
            #expect(fake.log.isEmpty)
        }

        // MARK: Inputs

        @Test func anInputWithEdgesIsRequestedForBothEdgesWithItsFlags() throws {
            let (fake, gpio) = try fake()
            let fault = try gpio.openInput(.faultIn)
            #expect(fake.log.last == "request_both_edges gpiochip1:24 consumer=utermd flags=active_low|pull_up")
            let sense = try gpio.openInput(.transmitEnableSense, edgeEvents: false)
            #expect(fake.log.last == "request_input gpiochip1:5 consumer=utermd flags=pull_down")
            fake.lineValues[24] = 1
            #expect(try fault.read() == .active)
            var buffer = GPIOEdgeEventBuffer(capacity: 1)
            #expect(throws: GPIOError.self) { try sense.pollEvents(into: &buffer) }
            sense.release()
            #expect(Array(fake.log.suffix(2)) == ["release gpiochip1:5", "close gpiochip1"])
        }

        @Test func pollingDrainsReadyEventsWithoutWaitingAndStopsWhenTheBufferIsFull() throws {
            let (fake, gpio) = try fake()
            let fault = try gpio.openInput(.faultIn)
            fake.pendingEvents = [
                GPIODEvent(rising: true, timestampNanoseconds: 100), GPIODEvent(rising: false, timestampNanoseconds: 200),
                GPIODEvent(rising: true, timestampNanoseconds: 300),
            ]
            let opened = fake.log.count
            var buffer = GPIOEdgeEventBuffer(capacity: 2)
            #expect(try fault.pollEvents(into: &buffer) == 2)
            #expect(
                Array(buffer) == [
                    GPIOEdgeEvent(edge: .rising, timestampNanoseconds: 100),
                    GPIOEdgeEvent(edge: .falling, timestampNanoseconds: 200),
                ])
            #expect(
                Array(fake.log.dropFirst(opened)) == [
                    "event_wait gpiochip1:24 0", "event_read gpiochip1:24", "event_wait gpiochip1:24 0",
                    "event_read gpiochip1:24",
                ])
            buffer.removeAll()
            #expect(try fault.pollEvents(into: &buffer) == 1)
            #expect(try fault.pollEvents(into: &buffer) == 0)
        }

        @Test func aWaitInterruptedBySignalsIsRetried() throws {
            let (fake, gpio) = try fake()
            let fault = try gpio.openInput(.faultIn)
            fake.interruptedWaits = 2
            fake.pendingEvents = [GPIODEvent(rising: true, timestampNanoseconds: 7)]
            #expect(try fault.readEvent(timeout: .seconds(1)) == GPIOEdgeEvent(edge: .rising, timestampNanoseconds: 7))
            #expect(fake.log.filter { $0.hasPrefix("event_wait") }.count == 3)
            #expect(try fault.readEvent(timeout: .milliseconds(1)) == nil)
        }

        @Test func aFailedWaitCarriesItsErrno() throws {
            let (fake, gpio) = try fake()
            let fault = try gpio.openInput(.faultIn)
            fake.failNext["wait"] = EBADF
            let error = #expect(throws: GPIOError.self) { _ = try fault.readEvent(timeout: .milliseconds(1)) }
            #expect(error?.errno == .badFileDescriptor)
            #expect(error?.reason == String(cString: strerror(EBADF)))
        }

        // MARK: Line use (utermd doctor)

        @Test func aLinesUseIsReadWithoutRequestingIt() throws {
            let (fake, gpio) = try fake()
            fake.heldLines[17] = "gpioset"
            #expect(try gpio.use(of: .transmitEnable) == GPIOLineUse(used: true, consumer: "gpioset"))
            #expect(try gpio.use(of: .faultIn) == GPIOLineUse(used: false, consumer: ""))
            #expect(!fake.log.contains { $0.hasPrefix("request") })
            #expect(fake.log.contains("line_info gpiochip1 17"))
            #expect(fake.log.last == "close gpiochip1")
        }

        @Test func theUseOfALineBeyondTheChipIsOutOfRangeAndTheChipClosed() throws {
            let (fake, gpio) = try fake([.init(label: "pinctrl-rp1", lineCount: 16)])
            let error = #expect(throws: GPIOError.self) { _ = try gpio.use(of: .transmitEnable) }
            #expect(error?.kind == .lineOutOfRange)
            #expect(error?.operation == "look at transmit_enable")
            #expect(fake.log.last == "close gpiochip0")
            #expect(!fake.log.contains { $0.hasPrefix("line_info") })
        }

        @Test func aLineOfARoleTheBoardLacksIsRoleNotOnBoard() throws {
            let (_, gpio) = try fake()
            let error = #expect(throws: GPIOError.self) { _ = try gpio.use(of: .statusLED) }
            #expect(error?.kind == .roleNotOnBoard)
        }
    }
#endif
