import Drivers
import Foundation
import Geofence
import Terminal
import Testing

/// The service rules' day counters across restarts: the atomic state file, its damage (a
/// clear error, no start), and the keeper's trust in the clock.
@Suite struct ServiceDayCounterStoreTests {
    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "utermd-days-\(UUID().uuidString).audit.service-days"
    }

    static let august23 = UTCDay(isoDate: "2026-08-23")!

    /// A snapshot of a fresh, trusted fix at `place` at `utcSeconds` (UTC) on 2026-08-23 + `days`.
    static func snapshot(_ place: ServicePlace, days: Int64 = 0, clocksDisagree: Bool = false, home: Int? = 0) -> TerminalSnapshot {
        var snapshot = TerminalSnapshot.initial
        snapshot.utcNanoseconds = (august23.number + days) * 86_400_000_000_000 + 43_200_000_000_000
        snapshot.monotonicNanoseconds = 1_000_000_000
        var unmet = TransmitConditionSet()
        if clocksDisagree { unmet.insert(TransmitConditionSet(.clocksAgree)) }
        snapshot.unmetConditions = unmet.rawValue
        var service = ServiceDecision(code: .okay, permittedConstellations: ConstellationSet(.starlink))
        service.place = place
        service.homeRegion = home
        snapshot.service = service
        return snapshot
    }

    @Test func countersSurviveARestart() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var keeper = try ServiceDayKeeper(store: ServiceDayCounterStore(path: path))
        #expect(keeper.counters == .zero)
        let entries = try keeper.observe(Self.snapshot(.coastal(region: 0)))
        #expect(keeper.countersChanged)
        #expect(entries.contains { $0.kind == .service && $0.event == "days" && $0.details["consecutiveCoastalDays"] == "1" })
        #expect(entries.contains { $0.kind == .service && $0.event == "decision" && $0.details["code"] == "OKAY" })
        // Restarted: the counters come back from the file, and the next day continues the run.
        var restarted = try ServiceDayKeeper(store: ServiceDayCounterStore(path: path))
        #expect(restarted.counters == keeper.counters)
        _ = try restarted.observe(Self.snapshot(.coastal(region: 0), days: 1))
        #expect(restarted.counters.consecutiveCoastalDays(on: UTCDay(number: Self.august23.number + 1)) == 2)
        #expect(try ServiceDayCounterStore(path: path).load() == restarted.counters)
        // Atomic replacement leaves no temporary file behind.
        #expect(!FileManager.default.fileExists(atPath: path + ".new"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("utermd service days 1\nlast_observed_day: 2026-08-24\n"))
    }

    @Test func aDamagedFileIsAClearErrorNotAReset() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var keeper = try ServiceDayKeeper(store: ServiceDayCounterStore(path: path))
        _ = try keeper.observe(Self.snapshot(.land(region: 1)))
        let good = try String(contentsOfFile: path, encoding: .utf8)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "abroad_since_day: 2026-08-23", with: "abroad_since_day: 2026-08-29"), "SHA-256 does not match"),
            (String(good.prefix(40)), "expected 8 lines"),
            ("something else\n", "line 1: expected 'utermd service days 1'"),
            (good.replacingOccurrences(of: "last_observed_day", with: "last_seen_day"), "does not match"),
        ]
        for (text, message) in cases {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            do {
                _ = try ServiceDayKeeper(store: ServiceDayCounterStore(path: path))
                Issue.record("accepted a damaged file: \(message)")
            } catch {
                #expect(error.description.hasPrefix(path + ": "), "\(error)")
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }

    @Test func untrustedTimeNeitherAdvancesNorResets() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var keeper = try ServiceDayKeeper(store: ServiceDayCounterStore(path: path))
        _ = try keeper.observe(Self.snapshot(.land(region: 1), days: 2))
        let abroad = keeper.counters
        #expect(abroad.daysAbroad(on: UTCDay(number: Self.august23.number + 2)) == 1)
        // A fix whose time disagrees with the clock (here dated a week later): not counted.
        _ = try keeper.observe(Self.snapshot(.land(region: 1), days: 9, clocksDisagree: true))
        #expect(keeper.counters == abroad)
        #expect(!keeper.countersChanged)
        // The clock stepped back two days, fixes agreeing with it: home "then" does not reset the stay.
        _ = try keeper.observe(Self.snapshot(.land(region: 0), days: 0))
        #expect(keeper.counters == abroad)
        // UTC unknown: nothing counted.
        var unknown = Self.snapshot(.land(region: 0), days: 3)
        unknown.utcNanoseconds = .min
        _ = try keeper.observe(unknown)
        #expect(keeper.counters == abroad)
        #expect(try ServiceDayCounterStore(path: path).load() == abroad)
    }

    @Test func anUnwritableStoreIsReported() throws {
        let store = ServiceDayCounterStore(path: "/nonexistent-directory-\(UUID().uuidString)/x.service-days")
        var keeper = try ServiceDayKeeper(store: store)
        #expect(throws: ServiceDayCounterStore.Problem.self) { try keeper.observe(Self.snapshot(.coastal(region: 0))) }
        #expect(keeper.counters == .zero)
    }
}
