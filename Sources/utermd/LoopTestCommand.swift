import ArgumentParser
import CLISupport
import Beam
import Foundation
import Orbit
import RealTime
import Terminal

/// `utermd loop-test`: the real-time loop with the full tick work (propagate the serving
/// satellite, steer 1,280 elements, quantise) on CLOCK_MONOTONIC, and its timing.
struct LoopTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loop-test",
        abstract: "Run the fixed-step loop with the full pointing work and report wake-up latency and compute time.",
        discussion: """
            The serving satellites are the embedded Starlink shells' highest, slot by slot, seen from --lat/--lon; \
            UTC comes from the system clock. Compare with `cyclictest -m -p PRIO -i PERIOD_US -D SECONDS`.
            """)

    @Option(help: "Loop rate, Hz.")
    var rate = 1_000

    @Option(help: "Duration, seconds.")
    var seconds = 10.0

    @Option(
        help:
            "SCHED_FIFO priority (1-99); needs CAP_SYS_NICE. Also locks memory and keeps processors out of deep idle states (/dev/cpu_dma_latency 0 µs, as cyclictest does)."
    )
    var fifo: Int32?

    @Option(help: "Pin the loop thread to this CPU.")
    var cpu: Int?

    @Option(help: "Observer latitude, degrees.")
    var lat = 47.37

    @Option(help: "Observer longitude, degrees.")
    var lon = 8.54

    @Flag(help: "Print JSON.")
    var json = false

    /// The JSON of `loop-test --json`: nanoseconds.
    struct Report: Codable {
        var rateHertz: Int
        var ticks: UInt64
        var overruns: UInt64
        var missedPeriods: UInt64
        var steeredTicks: UInt64
        var wakeLatency: [String: Double]
        var computeTime: [String: Double]
        var realTimeWarnings: [String]
    }

    /// The tick: publishes the plan's assignment at each slot boundary, then points.
    struct Work: TickBody, ~Copyable {
        var pointing: PointingTick
        let plan: ServingPlan
        var publishedSlot = Int64.min
        var steered: UInt64 = 0

        mutating func tick(_ context: TickContext) {
            if let utc = context.scheduledUTC {
                let slot = (utc.nanosecondsSinceUnixEpoch - plan.firstSlotStartUnixNanoseconds) / plan.slotNanoseconds
                if slot != publishedSlot {
                    pointing.assignments.publish(plan.assignment(atUnixNanoseconds: utc.nanosecondsSinceUnixEpoch))
                    publishedSlot = slot
                }
            }
            pointing.tick(context)
            if pointing.lastSample.status == .steered { steered += 1 }
        }
    }

    func validate() throws {
        try requireOption(lat, "--lat", within: -90...90, unit: " degrees")
        try requireOption(lon, "--lon", within: -180...360, unit: " degrees")
        if let fifo { try requireOption(fifo, "--fifo", within: 1...99) }
        if let cpu { try requireOption(cpu, "--cpu", within: 0...4_095) }
    }

    func run() throws {
        let tickRate: TickRate
        do { tickRate = try TickRate(hertz: rate) } catch { throw ValidationError("--rate: \(error)") }
        guard seconds > 0, seconds <= 86_400 else { throw ValidationError("--seconds must be within (0, 86400]") }
        let utc = UTCReference()
        _ = utc.synchroniseFromSystemClock()
        let now = Date().timeIntervalSince1970
        let firstSlot = Int64((now / 15).rounded(.down) * 15) * 1_000_000_000
        let tracker = SatelliteTracker(
            elementSets: EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: now)),
            observer: GeodeticPosition(latitudeDegrees: lat, longitudeDegrees: lon, heightMetres: 0))
        let plan = ServingPlan.highestElevation(
            tracker: tracker, firstSlotStartUnixNanoseconds: firstSlot, slots: Int(seconds / 15) + 2)
        let array = try PhasedArray()
        let options = RealTimeOptions(
            fifoPriority: fifo, lockMemory: fifo != nil, cpuAffinity: cpu.map { [$0] }, timerSlackNanoseconds: 1,
            cpuWakeLatencyMicroseconds: fifo != nil ? 0 : nil)
        let configuration = LoopConfiguration(rate: tickRate)
        let ticks = UInt64((seconds * Double(rate)).rounded())
        let thread = try LoopThread<(LoopReport, UInt64, [String])>.start(name: "utermd-looptest", realTime: options) { setup in
            let loop = FixedStepLoop(clock: MonotonicClock(), configuration: configuration, utcReference: utc)
            var work = Work(
                pointing: PointingTick(tracker: tracker, array: array, assignments: LatestValueMailbox(initial: .none)),
                plan: plan)
            let report = loop.run(&work, until: .ticks(ticks))
            return (report, work.steered, setup.warnings)
        }
        let (report, steered, warnings) = thread.join()
        let stats = report.statistics
        func table(_ summary: LatencySummary) -> [String: Double] {
            [
                "min": Double(summary.minimumNanoseconds), "p50": Double(summary.p50Nanoseconds),
                "p99": Double(summary.p99Nanoseconds), "p99.9": Double(summary.p999Nanoseconds),
                "max": Double(summary.maximumNanoseconds), "mean": summary.meanNanoseconds,
            ]
        }
        let output = Report(
            rateHertz: rate, ticks: report.executedTicks, overruns: report.overruns, missedPeriods: report.missedPeriods,
            steeredTicks: steered, wakeLatency: table(stats.wakeLatency), computeTime: table(stats.computeTime),
            realTimeWarnings: warnings)
        for warning in warnings { printError("utermd: warning: \(warning)") }
        if json {
            print(try jsonText(output))
            return
        }
        print(
            "\(report.executedTicks) ticks at \(rate) Hz, \(steered) steered, \(report.overruns) overruns, \(report.missedPeriods) missed periods"
        )
        print("wake-up latency: \(stats.wakeLatency)")
        print("compute time:    \(stats.computeTime)")
    }
}
