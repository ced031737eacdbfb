import Orbit
import Testing

@testable import Handover

/// The slot grid: exact boundaries at :12 :27 :42 :57, across midnight and for a day of slots.
@Suite struct SlotClockTests {
    let clock = SlotClock.starlink

    /// Every slot of a whole day starts exactly (bit for bit) on the calendar second
    /// :12, :27, :42 or :57 of its minute, with no drift after 5,760 slots.
    @Test func everySlotOfADayStartsOnTheStarlinkSeconds() {
        let day = JulianDate(year: 2026, month: 8, day: 22)
        let slots = clock.slots(from: day, to: JulianDate(year: 2026, month: 8, day: 23))
        #expect(slots.count == 5_760)
        for (position, slot) in slots.enumerated() {
            let secondOfDay = 12 + 15 * position
            let expected = JulianDate(
                year: 2026, month: 8, day: 22, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
                second: Double(secondOfDay % 60))
            #expect(slot.start == expected, "slot \(position)")
            #expect(slot.start.day == expected.day && slot.start.fraction == expected.fraction)
            #expect(slot.end == clock.slot(index: slot.index + 1).start)
            #expect(slot.durationSeconds == 15)
        }
        #expect(slots.first?.start.iso8601String() == "2026-08-22T00:00:12.000Z")
        #expect(slots.last?.start.iso8601String() == "2026-08-22T23:59:57.000Z")
        #expect(slots.last?.end.iso8601String() == "2026-08-23T00:00:12.000Z")
    }

    /// The slot that opens at 23:59:57 closes at 00:00:12 of the next day, and the new day's
    /// boundaries follow without a gap, also at the end of a month and of a year.
    @Test(arguments: [(2026, 8, 22), (2026, 8, 31), (2026, 12, 31), (2028, 2, 28), (2028, 2, 29)])
    func midnightRollsIntoTheNextDay(year: Int, month: Int, day: Int) throws {
        let beforeMidnight = JulianDate(year: year, month: month, day: day, hour: 23, minute: 59, second: 59)
        let slot = clock.slot(containing: beforeMidnight)
        #expect(slot.start == JulianDate(year: year, month: month, day: day, hour: 23, minute: 59, second: 57))
        let next = clock.slot(index: slot.index + 1)
        #expect(next.start == slot.end)
        let nextDay = JulianDate(year: year, month: month, day: day).adding(days: 1)
        #expect(next.start == JulianDate(day: nextDay.day, fraction: 12.0 / 86_400))
        #expect(next.start.iso8601String().hasSuffix("T00:00:12.000Z"))
    }

    /// Instants on, just before and just after a boundary fall in the right slot; the first
    /// slot starting at or after a boundary is that boundary's slot.
    @Test func boundariesBelongToTheSlotTheyOpen() {
        for minute in 0..<120 {
            for second in [12, 27, 42, 57] {
                let boundary = JulianDate(
                    year: 2026, month: 8, day: 22, hour: 22 + minute / 60, minute: minute % 60, second: Double(second))
                let slot = clock.slot(containing: boundary)
                #expect(slot.start == boundary)
                #expect(clock.slot(containing: boundary.adding(seconds: -1e-6)).index == slot.index - 1)
                #expect(clock.slot(containing: boundary.adding(seconds: 1e-6)).index == slot.index)
                #expect(clock.firstSlot(startingAtOrAfter: boundary) == slot)
                #expect(clock.firstSlot(startingAtOrAfter: boundary.adding(seconds: -14.999)) == slot)
                #expect(clock.firstSlot(startingAtOrAfter: boundary.adding(seconds: 1e-6)).index == slot.index + 1)
            }
        }
    }

    /// Period and phase are configurable; a phase is reduced modulo the period (−3 s ≡ 12 s);
    /// bad periods are refused.
    @Test func configurablePeriodAndPhase() throws {
        let equivalent = try SlotClock(period: .seconds(15), phase: .seconds(-3))
        #expect(equivalent == SlotClock.starlink)
        let tenSeconds = try SlotClock(period: .seconds(10), phase: .milliseconds(2_500))
        let slot = tenSeconds.slot(containing: JulianDate(year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 1))
        #expect(slot.start == JulianDate(year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 52.5))
        #expect(slot.end == JulianDate(year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 2.5))
        #expect(throws: SlotClockError.self) { try SlotClock(period: .zero) }
        #expect(throws: SlotClockError.self) { try SlotClock(period: .seconds(86_401)) }
        #expect(throws: SlotClockError.self) { try SlotClock(period: .seconds(15), phase: .nanoseconds(1) / 2) }
    }

    /// `slots(from:to:)` returns the slots starting in [from, to), none for an empty range.
    @Test func slotsInARange() {
        let from = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 0, second: 12)
        let slots = clock.slots(from: from, to: from.adding(seconds: 60))
        #expect(
            slots.map { $0.start.iso8601String(fractionalSecondDigits: 0) } == [
                "2026-08-22T18:00:12Z", "2026-08-22T18:00:27Z", "2026-08-22T18:00:42Z", "2026-08-22T18:00:57Z",
            ])
        #expect(clock.slots(from: from, to: from).isEmpty)
        #expect(clock.slots(from: from.adding(seconds: 1), to: from).isEmpty)
    }
}
