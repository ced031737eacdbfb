/// Conveniences taking SGP4's `TEMEState` directly.
extension TEMEToECEFTransform {
    /// An SGP4 TEME state in the Earth-fixed frame (see `ecefState(fromTEMEPosition:velocity:)`).
    package func ecefState(from teme: TEMEState) -> ECEFState {
        ecefState(fromTEMEPosition: teme.positionKilometres, velocity: teme.velocityKilometresPerSecond)
    }
}

extension TopocentricFrame {
    /// Look angles to a satellite from its SGP4 TEME state, through a transform built for
    /// the state's instant (share one among all satellites of a tick). Allocates nothing.
    package func lookAngles(to teme: TEMEState, using transform: TEMEToECEFTransform) -> LookAngles {
        lookAngles(temePosition: teme.positionKilometres, temeVelocity: teme.velocityKilometresPerSecond, using: transform)
    }
}
