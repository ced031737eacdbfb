/// A satellite-internet network a terminal may use: who operates it, how its published
/// element sets are named, and the Walker shells that stand in for it where no element sets
/// are public.
///
/// The raw values are stable lower-case names, used in board files (`constellations:`), the
/// daemon configuration, the command line (`--constellation`) and the signed policy's service
/// rules; they never change once released.
public enum Constellation: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// SpaceX Starlink.
    case starlink
    /// Eutelsat OneWeb.
    case oneweb
    /// Amazon's Project Kuiper.
    case kuiper
    /// China Satellite Network Group's Guowang ("national network").
    case guowang
    /// Shanghai Spacecom Satellite Technology's Qianfan ("Thousand Sails", Spacesail).
    case qianfan

    /// The company that operates the network.
    package var operatorName: String {
        switch self {
        case .starlink: "SpaceX"
        case .oneweb: "Eutelsat OneWeb"
        case .kuiper: "Amazon (Project Kuiper)"
        case .guowang: "China Satellite Network Group (China SatNet)"
        case .qianfan: "Shanghai Spacecom Satellite Technology (SSST)"
        }
    }

    /// The prefix the network's satellites carry in published element-set names (CelesTrak:
    /// `STARLINK-1008`, `ONEWEB-0012`, `KUIPER-00008`, …), also used by the generated
    /// Walker shells' names. Used to check a source's names against the constellation the
    /// configuration gives it, never to decide it.
    package var elementSetNamePrefix: String { rawValue.uppercased() }

    /// The Walker shells standing in for the network when its element sets are not used
    /// (synthetic, see `KuiperShells`, `GuowangShells`, `QianfanShells`, `StarlinkShells`);
    /// empty for OneWeb, whose real element sets are public and whose layout is not a Walker
    /// delta.
    package var walkerShells: [WalkerShell] {
        switch self {
        case .starlink: StarlinkShells.all
        case .oneweb: []
        case .kuiper: KuiperShells.all
        case .guowang: GuowangShells.all
        case .qianfan: QianfanShells.all
        }
    }

    /// First synthetic catalogue number of the network's generated shells: blocks far from
    /// NORAD's numbers (below 70,000 in 2026) and from each other (Starlink's embedded shells
    /// use 100,000–133,999).
    package var firstWalkerCatalogNumber: Int {
        switch self {
        case .starlink: 100_000
        case .oneweb: 190_000
        case .kuiper: 200_000
        case .guowang: 210_000
        case .qianfan: 230_000
        }
    }

    /// The constellation whose element-set names start with its prefix (`STARLINK-1008` →
    /// starlink), or nil when the name says nothing.
    package init?(elementSetName name: String) {
        let upper = name.uppercased()
        guard let found = Constellation.allCases.first(where: { upper.hasPrefix($0.elementSetNamePrefix) }) else {
            return nil
        }
        self = found
    }

    /// A small dense number for tables indexed by constellation (0 … `allCases.count` − 1).
    package var ordinal: Int {
        switch self {
        case .starlink: 0
        case .oneweb: 1
        case .kuiper: 2
        case .guowang: 3
        case .qianfan: 4
        }
    }

    /// The known names, comma-separated, for error messages.
    package static var knownNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Constellations order by `ordinal` (the declaration order).
    public static func < (lhs: Constellation, rhs: Constellation) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The stable name.
    public var description: String { rawValue }
}

extension Constellation {
    /// The network's Walker shells (`walkerShells`) as element sets at `epoch`, numbered from
    /// `firstWalkerCatalogNumber`; empty for a network without shells.
    public func walkerElementSets(epoch: JulianDate) -> [ElementSet] {
        // The presets' numbers stay inside 1 … 339999, so this cannot fail; an empty result
        // would show in the satellite count rather than trap.
        (try? WalkerShell.elementSets(of: walkerShells, epoch: epoch, firstCatalogNumber: firstWalkerCatalogNumber)) ?? []
    }
}

/// Element sets and the constellation they belong to: one source of a multi-network
/// ephemeris (a file named in the configuration, or a network's generated shells).
public struct ConstellationElementSets: Sendable {
    /// The network the satellites belong to (the configuration says; names are only checked).
    package var constellation: Constellation
    /// The element sets.
    package var elementSets: [ElementSet]

    /// A source from its parts.
    public init(constellation: Constellation, elementSets: [ElementSet]) {
        self.constellation = constellation
        self.elementSets = elementSets
    }

    /// The element sets whose names carry another network's prefix (`ONEWEB-0012` in a source
    /// given as starlink): a sign the file was mislabelled. Names without a known prefix are
    /// not counted.
    package var mislabelled: [ElementSet] {
        elementSets.filter { elements in
            Constellation(elementSetName: elements.name).map { $0 != constellation } ?? false
        }
    }
}
