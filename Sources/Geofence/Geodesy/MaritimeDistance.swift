/// Lengths fixed by treaty or definition that zones are written in.
public enum MaritimeDistance {
    /// The international nautical mile, exactly 1 852 m (International Hydrographic Conference,
    /// Monaco 1929; BIPM SI Brochure, 9th ed., Table 8).
    package static let metresPerNauticalMile = 1_852.0

    /// Breadth of the territorial sea: "up to a limit not exceeding 12 nautical miles, measured
    /// from baselines" (UNCLOS, 1982, art. 3), i.e. 22 224 m.
    public static let territorialSeaMetres = 12 * metresPerNauticalMile

    /// Converts nautical miles to metres.
    package static func metres(nauticalMiles: Double) -> Double { nauticalMiles * metresPerNauticalMile }
}
