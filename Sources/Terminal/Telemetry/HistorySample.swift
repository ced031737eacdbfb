/// One second of the terminal's life, like the dish's 1 s history ring: pushed by the tick
/// through a wait-free ring buffer at each UTC second (or each 1,000 ticks without UTC).
package struct HistorySample: Sendable, Hashable, BitwiseCopyable {
    /// UTC of the second's start, whole seconds since the Unix epoch (0 when UTC is unknown).
    package var utcSeconds: Int64
    /// Monotonic time at the end of the second, nanoseconds.
    package var monotonicNanoseconds: Int64
    /// State at the end of the second.
    package var state: TerminalState
    /// Serving satellite (tracker index) at the end of the second, or -1.
    package var servingIndex: Int32
    /// Commanded azimuth at the end of the second, degrees (when steering).
    package var azimuthDegrees: Float
    /// Commanded elevation at the end of the second, degrees.
    package var elevationDegrees: Float
    /// Fraction of the second's ticks with transmit enabled.
    package var transmitFraction: Float
    /// Fraction of the second's ticks steered at a satellite.
    package var trackingFraction: Float
    /// The geofence action in force at the end of the second (`ServiceAction` raw value).
    package var geofenceAction: UInt8
    /// The outage cause at the end of the second (`OutageCause` raw value), or 255 for none.
    package var outageCause: UInt8
    /// Latitude of the last position fix, degrees (NaN without one).
    package var latitudeDegrees: Double
    /// Longitude of the last position fix, degrees.
    package var longitudeDegrees: Double
    /// Largest tick compute time within the second, nanoseconds.
    package var maximumComputeNanoseconds: UInt32
    /// Ticks in the second.
    package var ticks: UInt16

    /// The outage cause, if any.
    package var outage: OutageCause? { OutageCause(rawValue: outageCause) }

    /// An empty sample.
    package static let empty = HistorySample(
        utcSeconds: 0, monotonicNanoseconds: 0, state: .boot, servingIndex: -1, azimuthDegrees: 0, elevationDegrees: 0,
        transmitFraction: 0, trackingFraction: 0, geofenceAction: 0, outageCause: 255, latitudeDegrees: .nan,
        longitudeDegrees: .nan, maximumComputeNanoseconds: 0, ticks: 0)
}
