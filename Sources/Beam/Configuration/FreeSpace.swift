/// Free-space propagation constants the array geometry is scaled by.
package enum FreeSpace {
    /// The speed of light in vacuum, metres per second (exact by the SI definition of the metre).
    package static let speedOfLightMetresPerSecond = 299_792_458.0

    /// Free-space wavelength λ = c / f, metres.
    ///
    /// - Parameter frequencyHertz: the carrier frequency, hertz.
    package static func wavelengthMetres(frequencyHertz: Double) -> Double {
        speedOfLightMetresPerSecond / frequencyHertz
    }

    /// Free-space wavenumber k = 2π / λ, radians per metre.
    package static func wavenumberRadiansPerMetre(frequencyHertz: Double) -> Double {
        2 * Double.pi / wavelengthMetres(frequencyHertz: frequencyHertz)
    }
}
