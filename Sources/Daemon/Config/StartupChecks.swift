import Foundation
import Terminal

/// The checks `utermd run` makes of a configuration before it starts a service, beyond what
/// the file and the files it names say: the listening ports do not clash, and the files the
/// daemon writes can be written. `utermd check-config` reports the same list, so that "valid
/// configuration" means that `run` starts; `DaemonProcess.prepare` refuses with them (exit 78)
/// before any thread or socket exists.
///
/// Not here: the content of an existing audit log (its records and chain), which the audit
/// module checks when it opens the log (issue 13's safety record); a check of it belongs in
/// `problems(_:)` beside `auditLogPathProblems`.
package enum StartupChecks {
    /// Every problem that would stop `run`, located at the configuration's field.
    package static func problems(_ configuration: DaemonConfiguration) -> [DataFileError] {
        var problems = portProblems(configuration)
        problems += writableFileProblems(configuration.auditLogPath, field: "audit_log", configuration)
        if let trace = configuration.simulatedTraceFile {
            problems += writableFileProblems(trace, field: "sim_trace_file", configuration)
        }
        return problems
    }

    /// The status API and rotctld listen on different ports (or on addresses that cannot
    /// overlap), and each address is one the daemon can bind.
    static func portProblems(_ configuration: DaemonConfiguration) -> [DataFileError] {
        var problems: [DataFileError] = []
        let api = configuration.statusAPI, rotctld = configuration.rotctld
        if api.enabled, ListenAddress(host: api.bind, port: api.port) == nil {
            problems.append(configuration.error("status_api.bind", "\"\(api.bind)\" is not an IPv4 or IPv6 address"))
        }
        if rotctld.enabled, ListenAddress(host: rotctld.bind, port: rotctld.port) == nil {
            problems.append(configuration.error("rotctld.bind", "\"\(rotctld.bind)\" is not an IPv4 or IPv6 address"))
        }
        if api.enabled, rotctld.enabled, api.port == rotctld.port, bindsOverlap(api.bind, rotctld.bind) {
            problems.append(
                configuration.error(
                    "rotctld.port",
                    "port \(rotctld.port) is also the status API's (status_api.port): the second listener could not bind"))
        }
        problems += dishAPIPortProblems(configuration)
        return problems
    }

    /// The dish API's address is bindable and its port is neither the status API's nor
    /// rotctld's on an overlapping address.
    static func dishAPIPortProblems(_ configuration: DaemonConfiguration) -> [DataFileError] {
        let dish = configuration.dishAPI
        guard dish.enabled else { return [] }
        var problems: [DataFileError] = []
        if ListenAddress(host: dish.bind, port: dish.port) == nil {
            problems.append(configuration.error("dish_api.bind", "\"\(dish.bind)\" is not an IPv4 or IPv6 address"))
        }
        let others: [(name: String, field: String, enabled: Bool, bind: String, port: UInt16)] = [
            (
                "the status API's", "status_api.port", configuration.statusAPI.enabled, configuration.statusAPI.bind,
                configuration.statusAPI.port
            ),
            ("rotctld's", "rotctld.port", configuration.rotctld.enabled, configuration.rotctld.bind, configuration.rotctld.port),
        ]
        for other in others where other.enabled && other.port == dish.port && bindsOverlap(other.bind, dish.bind) {
            problems.append(
                configuration.error(
                    "dish_api.port",
                    "port \(dish.port) is also \(other.name) (\(other.field)): the second listener could not bind"))
        }
        return problems
    }

    /// Two bind addresses share a port space when equal or when either is a wildcard.
    static func bindsOverlap(_ a: String, _ b: String) -> Bool {
        let wildcard: Set<String> = ["0.0.0.0", "::", "[::]"]
        let normalised = { (host: String) in host == "localhost" ? "127.0.0.1" : host }
        return normalised(a) == normalised(b) || wildcard.contains(a) || wildcard.contains(b)
    }

    /// `path` is a file (or can be made one) this process can append to: not a directory,
    /// its folder exists or can be created, and it is writable.
    static func writableFileProblems(_ path: String, field: String, _ configuration: DaemonConfiguration) -> [DataFileError] {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                return [configuration.error(field, "\(path) is a directory; name a file in it, e.g. \(path)/utermd.log")]
            }
            if !files.isWritableFile(atPath: path) {
                return [configuration.error(field, "\(path) is not writable by this user (uid \(getuid()))")]
            }
            return []
        }
        // The daemon creates the folders it needs; the nearest existing one must let it.
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        while !files.fileExists(atPath: folder, isDirectory: &isDirectory), folder != "/" {
            folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        }
        if !isDirectory.boolValue {
            return [configuration.error(field, "\(folder) is a file, so \(path) cannot be created")]
        }
        if !files.isWritableFile(atPath: folder) {
            return [configuration.error(field, "cannot create \(path): \(folder) is not writable by this user (uid \(getuid()))")]
        }
        return []
    }
}
