import Foundation
import HAL
import Logging
import NIOCore
import RealTime
import Terminal

/// The process side of `utermd run`: reads the configuration and what it names, bootstraps
/// swift-log (journald-friendly lines) and swift-metrics (the Prometheus registry `/metrics`
/// serves), and runs a ``DaemonRunner`` on the hardware the caller builds.
///
/// ```swift
/// switch DaemonProcess.prepare(configurationPath: path) {
/// case .failure(let code): exit(code.rawValue)
/// case .success(let process): exit(process.run(DaemonHardware(gpio: ..., usb: ..., hotplug: ...)).rawValue)
/// }
/// ```
package final class DaemonProcess {
    /// The configuration.
    package let configuration: DaemonConfiguration
    /// What it names, loaded. `run` hands the element sets over to the runner and keeps none:
    /// once the propagators are built the parsed sets are not needed (2.8 MB for 10,000).
    package private(set) var resources: DaemonResources
    /// Logging, metrics, systemd, events.
    package let environment: DaemonEnvironment

    /// Loads and checks the configuration (problems on standard error, exit code 78), then
    /// bootstraps logging and metrics (once per process).
    package static func prepare(configurationPath: String) -> Result<DaemonProcess, DaemonExitCode> {
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfigurationFile.load(path: configurationPath)
        } catch {
            for problem in error.errors { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            return .failure(.configuration)
        }
        // The network face (a loopback status API, rotctld) is light: one event loop serves
        // hundreds of connections, and every thread costs resident memory (its stack, a malloc
        // arena). Set before anything touches NIO's singletons.
        NIOSingletons.groupLoopCountSuggestion = 1
        NIOSingletons.blockingPoolThreadCountSuggestion = 1
        let levelControl = LogLevelControl(configuration.logLevel)
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, levelControl: levelControl) }
        let logger = Logger(label: "utermd")
        let metrics = MetricsRegistry()
        metrics.bootstrapSwiftMetrics()
        let resources: DaemonResources
        do {
            resources = try DaemonResources.load(configuration, now: Date())
        } catch {
            for problem in error.errors { logger.critical("\(problem)") }
            return .failure(.configuration)
        }
        let startupProblems = StartupChecks.problems(configuration)
        guard startupProblems.isEmpty else {
            for problem in startupProblems { logger.critical("\(problem)") }
            return .failure(.configuration)
        }
        let environment = DaemonEnvironment(
            logger: logger, logLevel: levelControl, metrics: metrics, notifier: SystemdNotifier(), events: DaemonEvents())
        return .success(DaemonProcess(configuration: configuration, resources: resources, environment: environment))
    }

    private init(configuration: DaemonConfiguration, resources: DaemonResources, environment: DaemonEnvironment) {
        self.configuration = configuration
        self.resources = resources
        self.environment = environment
    }

    /// Runs the daemon on `hardware` until it stops.
    package func run<GPIO: GPIOBackend, USB: USBBackend>(_ hardware: DaemonHardware<GPIO, USB>) -> DaemonExitCode {
        runner(hardware).run()
    }

    /// A runner that holds the only reference to the element sets (it drops them once assembled).
    private func runner<GPIO: GPIOBackend, USB: USBBackend>(_ hardware: DaemonHardware<GPIO, USB>) -> DaemonRunner<GPIO, USB> {
        let handedOver = resources
        resources.elementSets = []
        return DaemonRunner(configuration: configuration, resources: handedOver, hardware: hardware, environment: environment)
    }

    /// Logs a line at `level` through the daemon's logger (for the caller's hardware set-up).
    package func log(_ level: Logger.Level, _ message: String) {
        environment.logger.log(level: level, "\(message)")
    }
}
