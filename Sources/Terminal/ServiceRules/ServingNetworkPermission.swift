import Geofence
import Orbit

extension ConstellationName {
    /// The policy's name of an ephemeris `constellation` (the same lower-case names; a switch,
    /// so a network added to one list and not the other does not compile).
    public init(_ constellation: Constellation) {
        switch constellation {
        case .starlink: self = .starlink
        case .oneweb: self = .oneweb
        case .kuiper: self = .kuiper
        case .guowang: self = .guowang
        case .qianfan: self = .qianfan
        }
    }
}

extension ServiceDecision {
    /// Whether the service rules let the terminal transmit to a satellite of `servingNetwork`
    /// (nil: none scheduled, which `satellite_scheduled` refuses on its own): the rules' code
    /// permits it and that network is among the permitted ones. Permitting *some* network the
    /// board can use is not enough: a zone that refuses one operator while the terminal serves
    /// through it must refuse transmit. Allocation-free (the tick asks).
    public func permitsTransmit(servingNetwork: ConstellationName?) -> Bool {
        guard permitsTransmit else { return false }
        guard let servingNetwork else { return true }
        return permittedConstellations.contains(servingNetwork)
    }
}
