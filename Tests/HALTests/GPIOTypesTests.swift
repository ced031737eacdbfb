import HAL
import Testing

@Suite struct GPIOTypesTests {
    @Test func logicalAndPhysicalLevels() {
        #expect(LogicalLevel.active.isPhysicallyHigh(activeLow: false))
        #expect(!LogicalLevel.active.isPhysicallyHigh(activeLow: true))
        #expect(LogicalLevel.inactive.isPhysicallyHigh(activeLow: true))
        for level in [LogicalLevel.active, .inactive] {
            for activeLow in [false, true] {
                #expect(LogicalLevel(physicallyHigh: level.isPhysicallyHigh(activeLow: activeLow), activeLow: activeLow) == level)
            }
        }
        #expect(GPIOEdge.rising.levelAfter == .active)
        #expect(GPIOEdge.falling.levelAfter == .inactive)
    }

    @Test func theEventBufferNeverGrowsPastItsCapacity() {
        var buffer = GPIOEdgeEventBuffer(capacity: 2)
        let added = [1, 2, 3].map { time in buffer.append(GPIOEdgeEvent(edge: .rising, timestampNanoseconds: time)) }
        #expect(added == [true, true, false])
        #expect(buffer.isFull && buffer.freeCapacity == 0)
        #expect(buffer.map(\.timestampNanoseconds) == [1, 2])
        buffer.removeAll()
        #expect(buffer.isEmpty && buffer.freeCapacity == 2)
        #expect(GPIOEdgeEventBuffer(capacity: 0).capacity == 1)
    }

    @Test func linesAreResolvedByRoleAndDirection() throws {
        let board = BoardProfile(
            name: "t", chips: [GPIOChipDescription(label: "c", lineCount: 8)],
            lines: [
                .transmitEnable: GPIOLineAssignment(chipLabel: "c", offset: 0, safeState: .inactive),
                .faultIn: GPIOLineAssignment(chipLabel: "c", offset: 1, activeLow: true),
            ])
        #expect(try board.resolveLine(.transmitEnable, as: .output).safeState == .inactive)
        #expect(try board.resolveLine(.faultIn, as: .input).assignment.activeLow)
        #expect(throws: GPIOError.self) { try board.resolveLine(.faultIn, as: .output) }
        let missing = #expect(throws: GPIOError.self) { try board.resolveLine(.paPower, as: .output) }
        #expect(missing?.kind == .roleNotOnBoard)
        #expect(missing?.description == "open pa_power as output: board t has no pa_power line")
    }

    @Test func errorsCarryTheirErrno() {
        let error = GPIOError(operation: "open /dev/gpiochip0", errno: .permissionDenied, reason: "Permission denied")
        #expect(error.kind == .system)
        #expect(error.description == "open /dev/gpiochip0: Permission denied (errno 13)")
    }

    @Test func durationsInTheUnitsOfTheCLibraries() {
        #expect(Duration.milliseconds(3).clampedNanoseconds == 3_000_000)
        #expect(Duration.nanoseconds(-5).clampedNanoseconds == 0)
        #expect(Duration.seconds(Int64.max).clampedNanoseconds == .max)
        // libusb: 0 means forever, so nothing shorter than 1 ms; partial milliseconds round up.
        #expect(Duration.zero.libusbTimeoutMilliseconds == 1)
        #expect(Duration.microseconds(1_001).libusbTimeoutMilliseconds == 2)
        #expect(Duration.milliseconds(20).libusbTimeoutMilliseconds == 20)
        #expect(Duration.seconds(Int64.max).libusbTimeoutMilliseconds == UInt32.max)
    }
}
