/// The constellations a policy can name, by the stable lower-case names policies, logs and the
/// status API use. The list is the policy vocabulary; the ephemeris's own constellation
/// identity (Orbit/Handover) maps onto it by name.
package enum ConstellationName: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// SpaceX Starlink.
    case starlink
    /// Eutelsat OneWeb.
    case oneweb
    /// Amazon Project Kuiper.
    case kuiper
    /// China Satellite Network Group's Guowang (SatNet).
    case guowang
    /// Shanghai Spacecom's Qianfan ("Thousand Sails", G60).
    case qianfan

    /// Bit position in a ``ConstellationSet``.
    var bit: UInt16 {
        // A switch, not `allCases.firstIndex`: the tick asks, and must not build an array.
        switch self {
        case .starlink: 1 << 0
        case .oneweb: 1 << 1
        case .kuiper: 1 << 2
        case .guowang: 1 << 3
        case .qianfan: 1 << 4
        }
    }

    /// The lower-case name.
    package var description: String { rawValue }

    /// Orders as listed (starlink first).
    package static func < (lhs: ConstellationName, rhs: ConstellationName) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// The names, comma-separated, for messages.
    package static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A set of ``ConstellationName``s as a bit mask: `BitwiseCopyable`, so decisions carrying it
/// stay allocation-free in the tick.
public struct ConstellationSet: OptionSet, Sendable, Hashable, BitwiseCopyable, CustomStringConvertible {
    /// One bit per ``ConstellationName`` in declaration order.
    public let rawValue: UInt16

    /// A set from its bits (unknown bits are dropped).
    public init(rawValue: UInt16) { self.rawValue = rawValue & Self.allBits }

    /// The set holding `name`.
    package init(_ name: ConstellationName) { rawValue = name.bit }

    /// The set of `names`.
    package init<Names: Sequence>(_ names: Names) where Names.Element == ConstellationName {
        rawValue = names.reduce(0) { $0 | $1.bit }
    }

    /// Computed once (a `static let`): `allCases` builds an array, and the tick asks for `.all`.
    private static let allBits: UInt16 = ConstellationName.allCases.reduce(0) { $0 | $1.bit }

    /// Every constellation.
    public static var all: ConstellationSet { ConstellationSet(rawValue: allBits) }

    /// Whether `name` is in the set.
    package func contains(_ name: ConstellationName) -> Bool { rawValue & name.bit != 0 }

    /// The names in the set, in declaration order.
    package var names: [ConstellationName] { ConstellationName.allCases.filter { contains($0) } }

    /// E.g. `guowang,qianfan`; `none` for the empty set.
    public var description: String { isEmpty ? "none" : names.map(\.rawValue).joined(separator: ",") }
}
