/// Which of the terminal's two bands a beam is formed for.
public enum LinkDirection: String, Sendable, Hashable, CaseIterable {
    /// Satellite to terminal (downlink), `ArrayDescription.receiveBand`.
    case receive
    /// Terminal to satellite (uplink), `ArrayDescription.transmitBand`.
    case transmit
}
