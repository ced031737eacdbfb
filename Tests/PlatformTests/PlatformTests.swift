import Foundation
import SystemPackage
import Testing

@testable import Platform

/// The platform layer against outside references: Foundation's Gregorian calendar for civil
/// dates and ISO-8601 text, and the kernel's clock for monotonic time.
@Suite struct CivilCalendarTests {
    /// Every day from 1600 to 2400 (292,560 days), against Foundation's Gregorian calendar in UTC.
    @Test func daysAndDatesAgreeWithFoundationsGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = CivilCalendar.days(year: 1600, month: 1, day: 1)
        let last = CivilCalendar.days(year: 2400, month: 12, day: 31)
        var mismatches = 0
        for days in stride(from: first, through: last, by: 1) {
            let (year, month, day) = CivilCalendar.date(days: days)
            let reference = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            if reference.year != year || reference.month != month || reference.day != day { mismatches += 1 }
            if CivilCalendar.days(year: year, month: month, day: day) != days { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(last - first + 1 == 292_560)
    }

    @Test func monthLengthsFollowTheGregorianLeapRule() {
        #expect(CivilCalendar.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilCalendar.daysIn(month: 2, year: 2100) == 28)
        #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilCalendar.daysIn(month: 4, year: 2026) == 30)
    }

    @Test func negativeSecondsSplitTowardThePast() {
        #expect(CivilCalendar.split(secondsSinceUnixEpoch: -1) == (-1, 86_399))
        #expect(CivilCalendar.split(secondsSinceUnixEpoch: 86_400) == (1, 0))
    }
}

@Suite struct ISO8601CodecTests {
    @Test func readsZuluAndOffsetsToTheSameInstant() throws {
        let zulu = try ISO8601.scan("2026-08-22T18:50:00Z").unixNanoseconds
        let offset = try ISO8601.scan("2026-08-22T20:50:00+02:00").unixNanoseconds
        let west = try ISO8601.scan("2026-08-22T15:50:00-0300").unixNanoseconds
        #expect(zulu == 1_787_424_600_000_000_000)
        #expect(offset == zulu && west == zulu)
    }

    @Test func keepsTheFractionToTheNanosecondAndAsACorrectlyRoundedDouble() throws {
        let fields = try ISO8601.scan("2026-08-22T18:50:00.123456789123Z")
        #expect(fields.fractionNanoseconds == 123_456_789)
        #expect(fields.fractionDigits == 12)
        #expect(fields.fractionOfSecond == 0.123456789123)
        // Digits past any integer's range are read, not summed into an overflowing integer.
        let long = try ISO8601.scan("2026-08-22T18:50:00." + String(repeating: "9", count: 40) + "Z")
        #expect(long.fractionNanoseconds == 999_999_999)
    }

    @Test func eachReadersRulesHold() {
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("2026-08-22T18:50:00+02:00", offsets: false) }
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("2016-12-31T23:59:60Z") }
        #expect((try? ISO8601.scan("2016-12-31T23:59:60Z", leapSecond: true))?.unixNanoseconds == 1_483_228_800_000_000_000)
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("1900-01-01T00:00:00Z", years: 1901...2099) }
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("2026-02-29T00:00:00Z") }
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("2026-08-22") }
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("2026-08-22T18:50:00") }
        #expect(throws: ISO8601InstantError.self) { try ISO8601.scan("2026-08-22T18:50:00Zjunk") }
    }

    /// Written text against Foundation's ISO8601DateFormatter, before and after 1970.
    @Test func writesWhatFoundationWrites() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for seconds: Int64 in [0, 1_787_424_600, -1, -86_401, 951_782_400, 4_102_444_800] {
            let ours = ISO8601.string(unixNanoseconds: seconds * 1_000_000_000, fractionDigits: 0)
            #expect(ours == formatter.string(from: Date(timeIntervalSince1970: Double(seconds))), "\(seconds)")
        }
        #expect(ISO8601.string(unixNanoseconds: 1_787_424_600_123_456_789, fractionDigits: 3) == "2026-08-22T18:50:00.123Z")
        #expect(ISO8601.string(unixNanoseconds: -1, fractionDigits: 3) == "1969-12-31T23:59:59.999Z")
    }

    @Test func writtenTextReadsBackToTheSameInstant() throws {
        for nanoseconds: Int64 in [0, 1_787_424_600_123_456_789, -123_456_789, 253_402_300_799_999_999] {
            let text = ISO8601.string(unixNanoseconds: nanoseconds, fractionDigits: 9)
            #expect(try ISO8601.scan(text).unixNanoseconds == nanoseconds, "\(text)")
        }
    }
}

@Suite struct MonotonicTimeTests {
    @Test func neverGoesBackAndSleepsToItsDeadline() {
        var previous = MonotonicTime.nanoseconds()
        for _ in 0..<10_000 {
            let now = MonotonicTime.nanoseconds()
            #expect(now >= previous)
            previous = now
        }
        let deadline = MonotonicTime.nanoseconds() + 2_000_000
        MonotonicTime.sleep(untilNanoseconds: deadline)
        #expect(MonotonicTime.nanoseconds() >= deadline)
        #expect(UInt64(MonotonicTime.nanoseconds()) <= MonotonicTime.unsignedNanoseconds())
    }

    @Test func theRealtimeSampleIsToday() {
        let sample = MonotonicTime.realtimeAndMonotonicNanoseconds()
        let foundation = Int64(Date().timeIntervalSince1970 * 1e9)
        #expect(abs(sample.realtimeNanoseconds - foundation) < 5_000_000_000)
    }
}

@Suite struct WaitingTests {
    @Test func aLatchTimesOutClosedAndStaysOpenOnceOpened() {
        let latch = Latch()
        let before = MonotonicTime.nanoseconds()
        #expect(!latch.wait(seconds: 0.02))
        #expect(MonotonicTime.nanoseconds() - before >= 20_000_000)
        #expect(!latch.wait(seconds: -1) && !latch.wait(seconds: .nan))
        let opener = Thread { latch.open() }
        opener.start()
        latch.wait()
        #expect(latch.isOpen && latch.wait(seconds: 0) && latch.wait(seconds: .infinity))
    }

    @Test func aTimedConditionWaitEndsOnTheMonotonicClock() {
        let condition = ConditionLock()
        let before = MonotonicTime.nanoseconds()
        condition.withLock { condition.wait(timeoutNanoseconds: 5_000_000) }
        #expect(MonotonicTime.nanoseconds() - before >= 4_000_000)
        // The wait gave the lock back.
        #expect(condition.tryLock())
        condition.unlock()
    }
}

@Suite struct SystemCallTests {
    @Test func aFailureComesBackAsItsErrno() {
        let result = SystemCall.retryingOnInterrupt { close(-1) }
        guard case .failure(let failure) = result else {
            Issue.record("close(-1) succeeded")
            return
        }
        #expect(failure.rawValue == EBADF)
    }

    @Test func writeAllWritesEveryByteThroughAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let readEnd = ends[0]
        defer { _ = close(readEnd) }
        let bytes = [UInt8](repeating: 0x5A, count: 60_000)
        let reader = Thread {
            var total = 0
            var buffer = [UInt8](repeating: 0, count: 4096)
            while case .success(let count) = SystemCall.retryingOnInterrupt({ read(readEnd, &buffer, buffer.count) }), count > 0 {
                total += count
            }
            #expect(total == 60_000)
        }
        reader.start()
        #expect(bytes.withUnsafeBytes { SystemCall.writeAll(ends[1], $0) } == nil)
        _ = close(ends[1])
        Thread.sleep(forTimeInterval: 0.2)
        #expect(bytes.withUnsafeBytes { SystemCall.writeAll(ends[1], $0) } != nil, "a closed descriptor fails")
    }
}
