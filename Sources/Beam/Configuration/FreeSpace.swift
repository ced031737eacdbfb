/// Free-space propagation constants the array geometry is scaled by.
public enum FreeSpace {
    /// The speed of light in vacuum, metres per second (exact by the SI definition of the metre).
    public static let speedOfLightMetresPerSecond = 299_792_458.0

    /// Free-space wavelength λ = c / f, metres.
    ///
    /// - Parameter frequencyHertz: the carrier frequency, hertz.
    public static func wavelengthMetres(frequencyHertz: Double) -> Double {
        speedOfLightMetresPerSecond / frequencyHertz
    }

    /// Free-space wavenumber k = 2π / λ, radians per metre.
    public static func wavenumberRadiansPerMetre(frequencyHertz: Double) -> Double {
        2 * Double.pi / wavelengthMetres(frequencyHertz: frequencyHertz)
    }
}
