import Geofence
import Orbit

extension ConstellationName {
    /// The policy's name of an ephemeris `constellation` (the same lower-case names; a switch,
    /// so a network added to one list and not the other does not compile).
    package init(_ constellation: Constellation) {
        switch constellation {
        case .starlink: self = .starlink
        case .oneweb: self = .oneweb
        case .kuiper: self = .kuiper
        case .guowang: self = .guowang
        case .qianfan: self = .qianfan
        }
    }
}

extension Constellation {
    /// The ephemeris's constellation of a policy `name` (the inverse of
    /// `ConstellationName.init(_:)`).
    package init(_ name: ConstellationName) {
        switch name {
        case .starlink: self = .starlink
        case .oneweb: self = .oneweb
        case .kuiper: self = .kuiper
        case .guowang: self = .guowang
        case .qianfan: self = .qianfan
        }
    }
}

extension ConstellationSet {
    /// The set of the ephemeris's `constellations`.
    package init(networks constellations: some Sequence<Constellation>) {
        self.init(constellations.map { ConstellationName($0) })
    }

    /// The ephemeris's constellations in the set.
    package var constellations: Set<Constellation> { Set(names.map { Constellation($0) }) }
}

extension ServiceDecision {
    /// Whether the service rules let the terminal transmit to a satellite of `servingNetwork`
    /// (nil: none scheduled, which `satellite_scheduled` refuses on its own): the rules' code
    /// permits it and that network is among the permitted ones. Permitting *some* network the
    /// board can use is not enough: a zone that refuses one operator while the terminal serves
    /// through it must refuse transmit. Allocation-free (the tick asks).
    package func permitsTransmit(servingNetwork: ConstellationName?) -> Bool {
        guard permitsTransmit else { return false }
        guard let servingNetwork else { return true }
        return permittedConstellations.contains(servingNetwork)
    }
}

extension GeofenceDecision {
    /// The action in force for a terminal using any of `networks`: `allow` when one of them may
    /// transmit here, `receiveOnly` when one may receive, else `noService`. For one network
    /// (the serving satellite's) it is that network's own action, so a zone that bans one
    /// operator and spares another stops the first and not the second; for every network
    /// bound by every zone it is ``action``. A fail-closed decision permits no transmit.
    /// Allocation-free (the tick asks).
    package func action(for networks: ConstellationSet) -> ServiceAction {
        if !transmitPermittedConstellations.intersection(networks).isEmpty { return .allow }
        if !receivePermittedConstellations.intersection(networks).isEmpty { return .receiveOnly }
        return .noService
    }

    /// The networks of `usable` the scheduler may choose among here: those that may transmit,
    /// or where none may, those that may receive (receive-only service goes on); nil when the
    /// decision failed closed (a missing or doubtful fix says nothing about which network is
    /// permitted: the scheduler keeps its set, and transmit stays off on its own).
    package func schedulingNetworks(usable: ConstellationSet) -> ConstellationSet? {
        guard !reason.isFailClosed else { return nil }
        let transmitting = transmitPermittedConstellations.intersection(usable)
        return transmitting.isEmpty ? receivePermittedConstellations.intersection(usable) : transmitting
    }
}
