import ArgumentParser
import CLISupport
import Foundation
import Orbit
import Terminal

/// Command-line options that say which networks' satellites to use (`passes`, `schedule`):
/// `--elements [CONSTELLATION=]FILE` (repeated; `CONSTELLATION=embedded` for a network's
/// generated Walker shells) and `--constellation NAME` (repeated) to keep only some networks.
struct ConstellationOptions: ParsableArguments {
    @Option(
        name: .customLong("elements"),
        help: ArgumentHelp(
            "Element sets: TLE or CelesTrak OMM, as FILE or CONSTELLATION=FILE, or CONSTELLATION=embedded for the "
                + "network's generated Walker shells; repeat for several networks (default: the built-in shells of the "
                + "selected constellations at --from, Starlink's when none is selected).",
            valueName: "[constellation=]file"))
    var elements: [String] = []

    @Option(
        name: .customLong("constellation"),
        help: ArgumentHelp(
            "Use only this network's satellites (\(Constellation.knownNames)); repeat for several (default: all given).",
            valueName: "name"))
    var constellations: [String] = []

    func validate() throws {
        _ = try selected()
        for spec in elements { _ = try Self.split(spec) }
    }

    /// The networks asked for with `--constellation`, or nil for all.
    func selected() throws -> Set<Constellation>? {
        guard !constellations.isEmpty else { return nil }
        return Set(
            try constellations.map { name in
                guard let network = Constellation(rawValue: name) else {
                    throw ValidationError("--constellation \(name): unknown constellation (known: \(Constellation.knownNames))")
                }
                return network
            })
    }

    /// A `--elements` value split into its constellation (nil: read from the names) and path.
    static func split(_ spec: String) throws -> (Constellation?, String) {
        guard let equals = spec.firstIndex(of: "=") else { return (nil, spec) }
        let name = String(spec[..<equals])
        guard let network = Constellation(rawValue: name) else {
            // A path may contain "=": only a known constellation before it is a label.
            if name.contains("/") { return (nil, spec) }
            throw ValidationError("--elements \(spec): unknown constellation \"\(name)\" (known: \(Constellation.knownNames))")
        }
        return (network, String(spec[spec.index(after: equals)...]))
    }

    /// The element sets by network, kept to the selected networks. A file without a label
    /// takes each satellite's network from its name (Starlink when the name says nothing); a
    /// labelled file whose names carry another network's prefix is reported on standard error.
    func sources(epoch: JulianDate, strict: Bool) throws -> [ConstellationElementSets] {
        let selection = try selected()
        var sources: [ConstellationElementSets] = []
        if elements.isEmpty {
            let networks = selection.map { $0.sorted() } ?? [.starlink]
            for network in networks {
                guard !network.walkerShells.isEmpty else {
                    throw ValidationError(
                        "--constellation \(network): no built-in shells for \(network) (give --elements \(network)=FILE)")
                }
                sources.append(.init(constellation: network, elementSets: network.walkerElementSets(epoch: epoch)))
            }
            let count = sources.reduce(0) { $0 + $1.elementSets.count }
            printError(
                "utermd: no --elements: using the built-in constellation, \(count) satellites of the generated "
                    + "\(networks.map(\.rawValue).joined(separator: ", ")) shells at \(epoch.iso8601String()) "
                    + "(give --elements FILE for real element sets)")
        }
        for spec in elements {
            let (label, path) = try Self.split(spec)
            if let label, path == "embedded" {
                guard !label.walkerShells.isEmpty else {
                    throw ValidationError("--elements \(spec): no built-in shells for \(label)")
                }
                sources.append(.init(constellation: label, elementSets: label.walkerElementSets(epoch: epoch)))
                continue
            }
            let sets = try loadElementSets(path, strict: strict)
            if let label {
                let source = ConstellationElementSets(constellation: label, elementSets: sets)
                let odd = source.mislabelled
                if let first = odd.first {
                    printError(
                        "utermd: warning: \(path): given as \(label), but \(odd.count) element sets are named for another "
                            + "network (first: \(first.name))")
                }
                sources.append(source)
            } else {
                var byNetwork: [Constellation: [ElementSet]] = [:]
                for elements in sets {
                    byNetwork[Constellation(elementSetName: elements.name) ?? .starlink, default: []].append(elements)
                }
                for network in byNetwork.keys.sorted() {
                    sources.append(.init(constellation: network, elementSets: byNetwork[network] ?? []))
                }
            }
        }
        guard let selection else { return sources }
        let kept = sources.filter { selection.contains($0.constellation) }
        if kept.isEmpty {
            throw ValidationError(
                "--constellation \(constellations.joined(separator: ",")): none of the element sets given belongs to it")
        }
        return kept
    }
}
