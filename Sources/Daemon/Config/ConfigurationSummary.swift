import Geofence
import Terminal

/// A few lines saying what a configuration amounts to, for `check-config` and the daemon's
/// start-up log.
package enum ConfigurationSummary {
    /// The lines.
    package static func lines(_ configuration: DaemonConfiguration, _ resources: DaemonResources) -> [String] {
        var lines: [String] = []
        let board = resources.board
        lines.append(
            "board \"\(board.name)\" (\(configuration.hardware.rawValue) GPIO), \(board.array.aperture.elementCount)-element array"
        )
        switch configuration.elementSets {
        case .embedded: lines.append("\(resources.elementSets.count) element sets (embedded Starlink shells)")
        case .file(let path): lines.append("\(resources.elementSets.count) element sets from \(path)")
        case .networks(let sources):
            let named = sources.map { "\($0.constellation) (\($0.file ?? "embedded shells"))" }
            lines.append(
                "\(resources.elementSets.count) element sets of \(sources.count) networks: \(named.joined(separator: ", "))")
        }
        if let policy = resources.keeper.inForce {
            lines.append("policy \(policy.header.summary), signed by \(resources.keeper.gate.operatorKey)")
        }
        let service = configuration.service
        if let plan = service.plan {
            let known = resources.keeper.inForce?.document.serviceRules.plan(named: plan) != nil
            lines.append(
                "service plan \(plan) (\(known ? "in the policy" : "NOT in the policy: no plan rules apply")), "
                    + "\(configuration.safety.mobility.rawValue), constellations \(service.constellations)"
                    + (service.address.map { ", service address \($0)" } ?? ""))
        }
        switch configuration.location {
        case .fixed(let latitude, let longitude, let altitude, _):
            lines.append("fixed position \(latitude)°, \(longitude)°, \(altitude) m; UTC from the system clock")
        case .gpsd(let host, let port): lines.append("position and UTC from gpsd at \(host):\(port)")
        case .nmea(let device, let baud):
            lines.append("position and UTC from NMEA on \(device)\(baud.map { " at \($0) baud" } ?? "")")
        }
        lines.append("audit log \(configuration.auditLogPath)")
        let loop = configuration.loop
        lines.append(
            "loop \(loop.rateHertz) Hz" + (loop.fifoPriority.map { ", SCHED_FIFO \($0)" } ?? "")
                + (loop.cpu.map { ", CPU \($0)" } ?? ""))
        let api = configuration.statusAPI
        if api.enabled {
            let address = ListenAddress(host: api.bind, port: api.port)?.description ?? api.bind
            lines.append(
                "status API http://\(address)/status" + (resources.token == nil ? " (no token: POST refused)" : " (token set)"))
        }
        if configuration.rotctld.enabled {
            let address = ListenAddress(host: configuration.rotctld.bind, port: configuration.rotctld.port)?.description ?? ""
            lines.append("rotctld \(address)")
        }
        if configuration.dishAPI.enabled {
            let dish = configuration.dishAPI
            let address = ListenAddress(host: dish.bind, port: dish.port)?.description ?? dish.bind
            lines.append(
                "dish gRPC API \(address)"
                    + (dish.controls ? " (controls accepted without credentials, as the dish)" : " (controls refused)"))
        }
        lines.append("handover policy \(configuration.handoverPolicy), log level \(configuration.logLevel)")
        return lines
    }
}
