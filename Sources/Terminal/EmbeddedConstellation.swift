import Orbit

/// The constellation the simulated terminal uses when given no element sets: the four
/// Starlink Walker shells of the design notes (4,408 satellites), generated at the epoch
/// asked for, with catalogue numbers 100000+ (shell 1), 110000+, 120000+, 130000+ — far from
/// real objects'. Generated rather than embedded, so the binary carries no stale snapshot
/// and every epoch is fresh (an element set's age never exceeds the run).
public enum EmbeddedConstellation {
    /// First catalogue number of each shell, in `StarlinkShells.all` order.
    package static let firstCatalogNumbers = [100_000, 110_000, 120_000, 130_000]

    /// The element sets at `epoch`.
    public static func elementSets(epoch: JulianDate) -> [ElementSet] {
        zip(StarlinkShells.all, firstCatalogNumbers).flatMap { shell, first in
            (try? shell.elementSets(epoch: epoch, firstCatalogNumber: first)) ?? []
        }
    }

    /// The generated shells of each of `networks` that has them (Starlink's as
    /// `elementSets(epoch:)`, Kuiper's, Guowang's and Qianfan's from their filings; OneWeb has
    /// none: its element sets are public and its layout no Walker delta), in the order given.
    /// Names carry each network's prefix, so the ephemeris labels every satellite.
    public static func elementSets(epoch: JulianDate, networks: [Constellation]) -> [ElementSet] {
        networks.flatMap { network in
            network == .starlink ? elementSets(epoch: epoch) : network.walkerElementSets(epoch: epoch)
        }
    }
}
