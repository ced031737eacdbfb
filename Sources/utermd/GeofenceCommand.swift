import ArgumentParser
import CLISupport
import Foundation
import Geofence
import Terminal

/// `utermd geofence ...`: ask a policy what the terminal may do at a place.
struct GeofenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geofence", abstract: "Check positions against a service-restriction policy.",
        subcommands: [GeofenceCheckCommand.self])
}

/// `utermd geofence check [--policy FILE] --lat DEG --lon DEG [--accuracy-m M]
/// [--public-key KEY | --allow-unsigned] [--at ISO] [--json]`.
struct GeofenceCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print the decision of a policy at one position: action, zone, distance to the boundary, reason.",
        discussion: """
            Without --policy the embedded example policy (Policies/example.yaml, an EXAMPLE built \
            from public reports) is used, verified with the example key. A policy file is checked \
            like a terminal checks it (signature with --public-key, validity at --at or now), or \
            read without any check with --allow-unsigned. The decision is the worst case over \
            the --accuracy-m disc, as on the terminal, without hysteresis or fix-age checks.
            """)

    @Option(help: "The policy file (default: the embedded example policy).")
    var policy: String?

    @Option(name: .customLong("lat"), help: "Latitude, degrees (north positive).")
    var latitudeDegrees: Double

    @Option(name: .customLong("lon"), help: "Longitude, degrees (east positive).")
    var longitudeDegrees: Double

    @Option(name: .customLong("accuracy-m"), help: "Horizontal position uncertainty, metres.")
    var accuracyMetres: Double = 0

    @Option(name: .customLong("public-key"), help: "The operator's public key: a key file or the base64 key itself.")
    var publicKey: String?

    @Flag(name: .customLong("allow-unsigned"), help: "Read the policy without checking signature or validity.")
    var allowUnsigned = false

    @Option(help: "The time to check the policy's validity at, ISO-8601 UTC (default: now).")
    var at: String?

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "The service plan to judge (a name in the policy's service_rules.plans).")
    var plan: String?

    @Option(help: "Mobility class: stationary, nomadic, mobile or aviation (default: mobile).")
    var mobility: String = "mobile"

    @Option(name: .customLong("address-lat"), help: "Service address latitude, degrees (a stationary plan's place).")
    var addressLatitudeDegrees: Double?

    @Option(name: .customLong("address-lon"), help: "Service address longitude, degrees (write --address-lon=-56.2).")
    var addressLongitudeDegrees: Double?

    @Option(help: "The terminal's constellations, comma-separated (default: starlink).")
    var constellations: String = "starlink"

    @Option(name: .customLong("speed-kmh"), help: "The speed the fixes show, km/h (for the plan's speed limit).")
    var speedKilometresPerHour: Double?

    @Option(name: .customLong("service-days"), help: "A service day counters file (<audit log>.service-days) to judge the roaming limits with.")
    var serviceDays: String?

    /// Boundaries are reported up to this distance, metres (the terminal's default is 10 km).
    static let reportingHorizonMetres = 100_000.0

    func validate() throws {
        try requireOption(latitudeDegrees, "--lat", within: -90...90, unit: " degrees")
        try requireOption(longitudeDegrees, "--lon", within: -180...180, unit: " degrees")
        try requireOption(accuracyMetres, "--accuracy-m", within: 0...1_000_000, unit: " metres")
        if (addressLatitudeDegrees == nil) != (addressLongitudeDegrees == nil) {
            throw ValidationError("give both --address-lat and --address-lon, or neither")
        }
        if let addressLatitudeDegrees { try requireOption(addressLatitudeDegrees, "--address-lat", within: -90...90, unit: " degrees") }
        if let addressLongitudeDegrees {
            try requireOption(addressLongitudeDegrees, "--address-lon", within: -180...180, unit: " degrees")
        }
        if let speedKilometresPerHour { try requireOption(speedKilometresPerHour, "--speed-kmh", within: 0...5_000, unit: " km/h") }
        guard MobilityClass(rawValue: mobility) != nil else {
            throw ValidationError("--mobility: \"\(mobility)\" is not one of \(MobilityClass.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        _ = try subscriptionConstellations()
        if publicKey != nil && allowUnsigned {
            throw ValidationError("give --public-key or --allow-unsigned, not both")
        }
        if policy != nil && publicKey == nil && !allowUnsigned {
            throw ValidationError(
                "--policy needs --public-key KEY (the operator's key) or --allow-unsigned (check the zones untrusted)")
        }
    }

    func run() throws {
        let (document, signature) = try loadPolicy()
        let coordinate = GeodeticCoordinate(latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees)
        let decision = document.geofencePolicy.assess(
            coordinate, uncertaintyMetres: accuracyMetres, reportingHorizonMetres: Self.reportingHorizonMetres)
        let service = try serviceDecision(document: document, geofence: decision, coordinate: coordinate)
        let report = GeofenceCheckReport(
            decision: decision, coordinate: coordinate, accuracyMetres: accuracyMetres, header: document.header,
            signature: signature, service: service, plan: plan)
        if json {
            print(try jsonText(report))
        } else {
            print(decision.description)
            print("service: \(service)\(plan.map { ", plan \($0)" } ?? "")")
            print("policy \(document.header.summary); signature \(signature)")
        }
    }

    private func subscriptionConstellations() throws -> ConstellationSet {
        var names: [ConstellationName] = []
        for text in constellations.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let name = ConstellationName(rawValue: text) else {
                throw ValidationError("--constellations: \"\(text)\" is not one of \(ConstellationName.namesList)")
            }
            names.append(name)
        }
        guard !names.isEmpty else { throw ValidationError("--constellations: name at least one") }
        return ConstellationSet(names)
    }

    /// The service rules' decision at the position, as the tick would make it with one fix.
    private func serviceDecision(document: PolicyDocument, geofence: GeofenceDecision, coordinate: GeodeticCoordinate) throws
        -> ServiceDecision
    {
        if let plan, document.serviceRules.plan(named: plan) == nil {
            let known = document.serviceRules.plans.map(\.name).joined(separator: ", ")
            printError("utermd: --plan: the policy has no plan \"\(plan)\" (its plans: \(known.isEmpty ? "none" : known))")
            throw ExitCode(2)
        }
        let address = addressLatitudeDegrees.flatMap { latitude in
            addressLongitudeDegrees.map { GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: $0) }
        }
        let subscription = ServiceSubscription(
            planName: plan, mobility: MobilityClass(rawValue: mobility) ?? .mobile, serviceAddress: address,
            constellations: try subscriptionConstellations())
        var evaluator = ServiceRulesEvaluator(subscription: subscription, rules: document.serviceRules)
        evaluator.update(fix: PositionFix(coordinate: coordinate, horizontalUncertaintyMetres: accuracyMetres, monotonicTime: .zero))
        if let speedKilometresPerHour {
            evaluator.assumeMeasuredSpeed(metresPerSecond: speedKilometresPerHour * ServicePlan.metresPerSecondPerKilometrePerHour)
        }
        if let serviceDays {
            do {
                evaluator.updateCounters(try ServiceDayCounterStore(path: serviceDays).load() ?? .zero)
            } catch {
                printError("utermd: --service-days: \(error)")
                throw ExitCode(2)
            }
        }
        let now = try parseUTC(at, option: "--at") ?? Date()
        return evaluator.decide(geofence: geofence, on: UTCDay(unixNanoseconds: now.unixNanosecondsClamped))
    }

    private func loadPolicy() throws -> (PolicyDocument, String) {
        let source = policy ?? EmbeddedDefaults.examplePolicySource
        let bytes: Data
        if let policy {
            guard let data = FileManager.default.contents(atPath: policy) else {
                printError("utermd: \(policy): cannot read the file")
                throw ExitCode(2)
            }
            bytes = data
        } else {
            bytes = Data(EmbeddedDefaults.examplePolicyYAML.utf8)
        }
        if allowUnsigned {
            printError("utermd: warning: \(source): signature and validity not checked (--allow-unsigned)")
            do {
                return (try PolicyFile.parse(bytes: SignedPolicyFile.unsignedContent(of: bytes), file: source), "not checked")
            } catch {
                for problem in error.errors { printError("\(problem)") }
                throw ExitCode(1)
            }
        }
        let key: PolicyVerificationKey
        if let publicKey {
            key = try loadPublicKey(publicKey)
        } else {
            do { key = try EmbeddedDefaults.examplePolicyPublicKey() } catch {
                printError("utermd: \(error)")
                throw ExitCode(2)
            }
        }
        let now = try parseUTC(at, option: "--at") ?? Date()
        var keeper = PolicyKeeper(operatorKey: key)
        let update = keeper.offer(fileBytes: bytes, source: source, at: now)
        guard case .accepted(let accepted) = update.outcome else {
            printError("utermd: \(update.logLine)")
            throw ExitCode(1)
        }
        return (accepted.document, "verified with \(key)")
    }
}

/// The `--json` form of a decision. `zone` and `distanceToBoundaryMetres` are null when no zone
/// applies or no boundary lies within the reporting horizon.
struct GeofenceCheckReport: Encodable {
    var decision: GeofenceDecision
    var coordinate: GeodeticCoordinate
    var accuracyMetres: Double
    var header: PolicyBundleHeader
    var signature: String
    var service: ServiceDecision
    var plan: String?

    enum Keys: String, CodingKey {
        case action, zone, distanceToBoundaryMetres, reason, transmitPermitted, latitudeDegrees, longitudeDegrees
        case accuracyMetres, policy, service
    }

    enum ServiceKeys: String, CodingKey {
        case disablementCode, permittedConstellations, zonePermittedConstellations, plan, place, transmitPermitted
        case speedKmh, distanceFromServiceAddressMetres, daysAbroad, consecutiveCoastalDays, coastalDaysThisYear
    }

    enum PolicyKeys: String, CodingKey { case name, version, example, validFrom, validUntil, signature }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(decision.action.description, forKey: .action)
        try container.encode(decision.zoneName, forKey: .zone)
        try container.encode(decision.boundaryDistanceMetres.map { ($0 * 10).rounded() / 10 }, forKey: .distanceToBoundaryMetres)
        try container.encode(decision.reason.description, forKey: .reason)
        try container.encode(decision.permitsTransmit, forKey: .transmitPermitted)
        try container.encode(coordinate.latitudeDegrees, forKey: .latitudeDegrees)
        try container.encode(coordinate.longitudeDegrees, forKey: .longitudeDegrees)
        try container.encode(accuracyMetres, forKey: .accuracyMetres)
        var policy = container.nestedContainer(keyedBy: PolicyKeys.self, forKey: .policy)
        try policy.encode(header.name, forKey: .name)
        try policy.encode(header.version, forKey: .version)
        try policy.encode(header.isExample, forKey: .example)
        try policy.encode(ISO8601UTC.format(header.validFrom), forKey: .validFrom)
        try policy.encode(ISO8601UTC.format(header.validUntil), forKey: .validUntil)
        try policy.encode(signature, forKey: .signature)
        var rules = container.nestedContainer(keyedBy: ServiceKeys.self, forKey: .service)
        try rules.encode(service.code.rawValue, forKey: .disablementCode)
        try rules.encode(service.permittedConstellations.names.map(\.rawValue), forKey: .permittedConstellations)
        try rules.encode(decision.transmitPermittedConstellations.names.map(\.rawValue), forKey: .zonePermittedConstellations)
        try rules.encode(plan, forKey: .plan)
        try rules.encode(service.place?.kind, forKey: .place)
        try rules.encode(service.permitsTransmit, forKey: .transmitPermitted)
        let speed = service.measuredSpeedMetresPerSecond / ServicePlan.metresPerSecondPerKilometrePerHour
        try rules.encode(speed.isFinite ? (speed * 10).rounded() / 10 : nil, forKey: .speedKmh)
        let distance = service.distanceFromServiceAddressMetres
        try rules.encode(distance.isFinite ? distance.rounded() : nil, forKey: .distanceFromServiceAddressMetres)
        try rules.encode(service.daysAbroad, forKey: .daysAbroad)
        try rules.encode(service.consecutiveCoastalDays, forKey: .consecutiveCoastalDays)
        try rules.encode(service.coastalDaysThisYear, forKey: .coastalDaysThisYear)
    }
}
