import ArgumentParser
import CLISupport
import Foundation
import Handover
import Orbit

/// `utermd passes`: rise, culmination and set of every satellite over an interval.
struct PassesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passes",
        abstract: "Predict passes (rise, culmination, set, maximum elevation) above an elevation over an interval.")

    @OptionGroup var networks: ConstellationOptions

    @OptionGroup var place: ObserverOptions

    @Option(help: "Start, ISO-8601 UTC.")
    var from: String

    @Option(help: "End, ISO-8601 UTC.")
    var to: String

    @Option(help: "Minimum elevation, degrees.")
    var minElevation: Double = 25

    @Option(help: "Write a sky plot (SVG) of the passes here.")
    var svg: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        try requireOption(minElevation, "--min-elevation", within: -90...90, unit: " degrees")
    }

    /// One pass (the JSON of `passes --json`).
    struct Pass: Codable {
        var name: String
        var catalogNumber: Int
        var constellation: String
        var rise: String
        var culmination: String
        var set: String
        var maxElevationDegrees: Double
    }

    func run() throws {
        let start = try parseInstant(from, option: "--from"), end = try parseInstant(to, option: "--to")
        guard end > start else { throw ValidationError("--to must be after --from") }
        let sources = try networks.sources(epoch: start, strict: false)
        let sets = sources.flatMap(\.elementSets)
        let ephemeris = ConstellationEphemeris(sources: sources)
        let networkOf = Dictionary(
            ephemeris.satellites.map { ($0.catalogNumber, $0.constellation) }, uniquingKeysWith: { first, _ in first })
        let prediction = PassPredictor(observer: place.observer, minimumElevationDegrees: minElevation)
            .passes(of: ephemeris, from: start, to: end)
        if let svg {
            let picture = PassSkyPlot.svg(
                prediction.passes, elementSets: sets, observer: place.observer, minimumElevationDegrees: minElevation,
                title: "utermd passes \(from) – \(to), above \(minElevation)°")
            try picture.write(toFile: svg, atomically: true, encoding: .utf8)
        }
        for exclusion in prediction.exclusions { printError("utermd: excluded: \(exclusion)") }
        let passes = prediction.passes.sorted { ($0.rise, $0.catalogNumber) < ($1.rise, $1.catalogNumber) }.map {
            Pass(
                name: $0.name, catalogNumber: $0.catalogNumber,
                constellation: networkOf[$0.catalogNumber]?.rawValue ?? "", rise: $0.rise.iso8601String(),
                culmination: $0.culmination.iso8601String(), set: $0.set.iso8601String(),
                maxElevationDegrees: $0.maxElevationDegrees)
        }
        if json {
            print(try jsonText(passes))
            return
        }
        print("\(passes.count) passes above \(minElevation)° from \(from) to \(to):")
        for pass in passes {
            print(
                "  " + column(pass.constellation, 8) + String(format: " %6d ", pass.catalogNumber) + column(pass.name, 22)
                    + " rise \(pass.rise)  culm \(pass.culmination)  set \(pass.set)  "
                    + String(format: "max %5.1f°", pass.maxElevationDegrees))
        }
    }
}

/// `utermd schedule`: the serving satellite of every 15 s slot over an interval.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Choose the serving satellite for every reconfiguration slot (15 s at :12/:27/:42/:57) over an interval.",
        discussion:
            "With several networks (--elements CONSTELLATION=FILE, --constellation), each changes satellite on its own "
            + "cadence and the terminal keeps to one network while it has a satellite; a change of network costs an "
            + "acquisition outage (networkSwitch).")

    @OptionGroup var networks: ConstellationOptions

    @OptionGroup var place: ObserverOptions

    @Option(help: "Start, ISO-8601 UTC.")
    var from: String

    @Option(help: "End, ISO-8601 UTC.")
    var to: String

    @Option(help: "Policy: highestElevation, longestVisibility, smallestOffBoresight, loadBalanced.")
    var policy = "highestElevation"

    @Option(help: "Dish boresight azimuth, degrees.")
    var boresightAzimuth: Double = 0

    @Option(help: "Dish boresight elevation, degrees (90 = facing the zenith).")
    var boresightElevation: Double = 90

    @Option(help: "Minimum elevation, degrees.")
    var minElevation: Double = 25

    @Option(
        help: ArgumentHelp(
            "From this instant on, only these networks are permitted (as a geofence would say at a fix); repeatable.",
            valueName: "iso=net[,net...]"))
    var permit: [String] = []

    @Option(help: "Write a sky plot (SVG) of the serving tracks here.")
    var svg: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        try requireOption(minElevation, "--min-elevation", within: -90...90, unit: " degrees")
        try requireOption(boresightAzimuth, "--boresight-azimuth", within: -360...360, unit: " degrees")
        try requireOption(boresightElevation, "--boresight-elevation", within: 0...90, unit: " degrees")
        for text in permit { _ = try Self.permittedChange(text) }
    }

    /// The JSON of `schedule --json`.
    struct Output: Codable {
        struct Slot: Codable {
            var start: String
            var catalogNumber: Int?
            var name: String?
            /// The serving satellite's network (during a network switch, the one being acquired).
            var constellation: String?
            var outage: String?
            var startAzimuthDegrees: Double?
            var startElevationDegrees: Double?
            var endAzimuthDegrees: Double?
            var endElevationDegrees: Double?
            var runnerUpCatalogNumber: Int?
        }

        struct Summary: Codable {
            var slots: Int
            var coverageFraction: Double
            var handovers: Int
            var outages: Int
            var longestOutageSeconds: Double
            var networkSwitches: Int
        }

        var slots: [Slot]
        var summary: Summary
    }

    /// A `--permit ISO=NET[,NET...]` value.
    static func permittedChange(_ text: String) throws -> PermittedConstellationsChange {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("--permit \(text): expected ISO-8601=NETWORK[,NETWORK...]")
        }
        let instant = try parseInstant(String(text[..<equals]), option: "--permit")
        let names = text[text.index(after: equals)...].split(separator: ",").map(String.init)
        let networks = try names.map { name in
            guard let network = Constellation(rawValue: name) else {
                throw ValidationError("--permit \(text): unknown constellation \"\(name)\" (known: \(Constellation.knownNames))")
            }
            return network
        }
        return PermittedConstellationsChange(instant: instant, constellations: Set(networks))
    }

    func run() throws {
        let start = try parseInstant(from, option: "--from"), end = try parseInstant(to, option: "--to")
        guard end > start else { throw ValidationError("--to must be after --from") }
        guard let handoverPolicy = HandoverPolicy(name: policy) else {
            throw ValidationError("--policy must be one of: \(HandoverPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let constraints = CandidateConstraints(
            minimumElevationDegrees: minElevation,
            boresight: DishBoresight(azimuthDegrees: boresightAzimuth, elevationDegrees: boresightElevation))
        var scheduler = HandoverScheduler(
            ephemeris: ConstellationEphemeris(sources: try networks.sources(epoch: start, strict: false)),
            observer: place.observer,
            constraints: constraints, policy: handoverPolicy)
        let schedule = scheduler.schedule(from: start, to: end, permittedChanges: try permit.map(Self.permittedChange))
        if schedule.ephemerisAge.hasWarning { printError("utermd: \(schedule.ephemerisAge)") }
        for exclusion in schedule.exclusions { printError("utermd: excluded: \(exclusion)") }
        let statistics = schedule.statistics
        let output = Output(
            slots: schedule.decisions.map { decision in
                Output.Slot(
                    start: decision.slot.start.iso8601String(), catalogNumber: decision.serving?.catalogNumber,
                    name: decision.serving?.name,
                    constellation: (decision.serving ?? (decision.outage == .networkSwitch ? decision.runnerUp : nil))?
                        .constellation.rawValue,
                    outage: decision.outage?.rawValue,
                    startAzimuthDegrees: decision.serving?.startAzimuthDegrees,
                    startElevationDegrees: decision.serving?.startElevationDegrees,
                    endAzimuthDegrees: decision.serving?.endAzimuthDegrees,
                    endElevationDegrees: decision.serving?.endElevationDegrees,
                    runnerUpCatalogNumber: decision.runnerUp?.catalogNumber)
            },
            summary: Output.Summary(
                slots: statistics.slotCount, coverageFraction: statistics.coverageFraction, handovers: statistics.handoverCount,
                outages: statistics.outageCount, longestOutageSeconds: statistics.longestOutageSeconds,
                networkSwitches: statistics.networkSwitchCount))
        if let svg {
            let picture = SkyPlot().svg(
                decisions: schedule.decisions, constraints: constraints, observer: place.observer,
                title: "utermd schedule \(from) – \(to), \(handoverPolicy)")
            try picture.write(toFile: svg, atomically: true, encoding: .utf8)
        }
        if json {
            print(try jsonText(output))
            return
        }
        for slot in output.slots {
            if let number = slot.catalogNumber {
                print(
                    "\(slot.start)  " + column(slot.constellation ?? "", 8) + String(format: " %6d ", number)
                        + column(slot.name ?? "", 20)
                        + String(
                            format: " az %6.1f° el %5.1f° → az %6.1f° el %5.1f°", slot.startAzimuthDegrees ?? 0,
                            slot.startElevationDegrees ?? 0, slot.endAzimuthDegrees ?? 0, slot.endElevationDegrees ?? 0))
            } else {
                let acquiring = slot.constellation.map { " (acquiring \($0))" } ?? ""
                print("\(slot.start)  outage: \(slot.outage ?? "none")\(acquiring)")
            }
        }
        print(
            String(
                format: "%d slots, coverage %.1f%%, %d handovers, %d outages (longest %.0f s), %d network switches",
                output.summary.slots, 100 * output.summary.coverageFraction, output.summary.handovers,
                output.summary.outages, output.summary.longestOutageSeconds, output.summary.networkSwitches))
    }
}
