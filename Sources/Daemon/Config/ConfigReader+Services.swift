import Foundation
import Terminal

extension ConfigReader {
    mutating func statusAPI(_ root: DataNode) -> DaemonConfiguration.StatusAPI {
        var api = DaemonConfiguration.StatusAPI()
        guard let section = attempt({ () throws(DataFileError) in try root.optional("status_api") }) ?? nil else { return api }
        attempt { () throws(DataFileError) in
            try section.rejectUnknownKeys([
                "enabled", "bind", "port", "allow_non_loopback", "token", "token_file", "report_location", "history_seconds",
            ])
        }
        api.enabled = flag(section, "enabled", default: true)
        api.allowNonLoopback = flag(section, "allow_non_loopback", default: false)
        api.reportLocation = flag(section, "report_location", default: false)
        if let port = attempt({ () throws(DataFileError) in try Self.optionalPort(section, "port") }) ?? nil {
            api.port = port
        }
        if let seconds = attempt({ () throws(DataFileError) in
            try Self.optionalInteger(section, "history_seconds", in: 1...86_400)
        }) ?? nil {
            api.historySeconds = seconds
        }
        if let bind = listenAddress(section, allowNonLoopback: api.allowNonLoopback, port: api.port) { api.bind = bind }
        let inline = attempt { () throws(DataFileError) in try section.optional("token") } ?? nil
        let file = attempt { () throws(DataFileError) in try section.optional("token_file") } ?? nil
        switch (inline, file) {
        case (.some(let node), .some):
            problems.append(node.error("give token or token_file, not both"))
        case (.some(let node), nil):
            if let token = attempt({ () throws(DataFileError) in try node.string() }) {
                if token.count < 16 { problems.append(node.error("a token needs at least 16 characters")) }
                api.token = .inline(token)
            }
        case (nil, .some(let node)):
            if let text = attempt({ () throws(DataFileError) in try node.string() }) { api.token = .file(path(text)) }
        case (nil, nil):
            break
        }
        return api
    }

    mutating func rotctld(_ root: DataNode) -> DaemonConfiguration.Rotctld {
        var rotctld = DaemonConfiguration.Rotctld()
        guard let section = attempt({ () throws(DataFileError) in try root.optional("rotctld") }) ?? nil else { return rotctld }
        attempt { () throws(DataFileError) in try section.rejectUnknownKeys(["enabled", "bind", "port", "allow_non_loopback"]) }
        rotctld.enabled = flag(section, "enabled", default: true)
        rotctld.allowNonLoopback = flag(section, "allow_non_loopback", default: false)
        if let port = attempt({ () throws(DataFileError) in try Self.optionalPort(section, "port") }) ?? nil {
            rotctld.port = port
        }
        if let bind = listenAddress(section, allowNonLoopback: rotctld.allowNonLoopback, port: rotctld.port) {
            rotctld.bind = bind
        }
        return rotctld
    }

    mutating func dishAPI(_ root: DataNode) -> DishAPISettings {
        var settings = DishAPISettings()
        guard let section = attempt({ () throws(DataFileError) in try root.optional("dish_api") }) ?? nil else { return settings }
        attempt { () throws(DataFileError) in
            try section.rejectUnknownKeys([
                "enabled", "bind", "port", "allow_non_loopback", "controls", "location_enabled", "country_code",
            ])
        }
        settings.enabled = flag(section, "enabled", default: true)
        settings.allowNonLoopback = flag(section, "allow_non_loopback", default: false)
        settings.controls = flag(section, "controls", default: true)
        settings.locationEnabled = flag(section, "location_enabled", default: false)
        if let port = attempt({ () throws(DataFileError) in try Self.optionalPort(section, "port") }) ?? nil {
            settings.port = port
        }
        if let bind = listenAddress(section, allowNonLoopback: settings.allowNonLoopback, port: settings.port) {
            settings.bind = bind
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("country_code") }) ?? nil,
            let code = attempt({ () throws(DataFileError) in try node.string() })
        {
            if code.isEmpty || (code.count == 2 && code.allSatisfy({ $0.isASCII && $0.isUppercase })) {
                settings.countryCode = code
            } else {
                problems.append(node.error("\"\(code)\" is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. CH)"))
            }
        }
        return settings
    }

    /// A boolean field, or `fallback` when absent or broken.
    private mutating func flag(_ section: DataNode, _ key: String, default fallback: Bool) -> Bool {
        let value = attempt { () throws(DataFileError) in try Self.optionalBool(section, key) }
        return (value ?? nil) ?? fallback
    }

    /// The `bind` of a service section, checked: numeric, and loopback unless allowed.
    private mutating func listenAddress(_ section: DataNode, allowNonLoopback: Bool, port: UInt16) -> String? {
        guard let node = attempt({ () throws(DataFileError) in try section.optional("bind") }) ?? nil,
            let text = attempt({ () throws(DataFileError) in try node.string() })
        else { return nil }
        guard let address = ListenAddress(host: text, port: port) else {
            problems.append(node.error("\"\(text)\" is not a numeric IPv4 or IPv6 address"))
            return nil
        }
        if !address.isLoopback && !allowNonLoopback {
            problems.append(
                node.error(
                    "\(text) is not a loopback address: refused unless allow_non_loopback: true (the service would be reachable from the network)"
                ))
        }
        return address.host
    }
}
