import Foundation
import Logging
import Platform
import RealTime
import Terminal

extension DaemonRunner {
    /// The orderly stop: the service group stops in reverse order of start — transmit off
    /// first (the tick stows), the servers, the loop, the scheduler, position, the beamformer
    /// driver, the audit writer last (so the transmit-off record is durable) — then every line
    /// is released to its safe state, then `STOPPING=1`.
    func shutdown(reason: String) {
        environment.notifier.status("stopping: \(reason)")
        if serviceGroup.isLaunched {
            serviceGroup.stopAndWait()
        } else if let assembly {
            // Start-up failed before any service ran: stow once here, and hand the writer
            // whatever the tick's outbox holds.
            assembly.core.stow(atNanoseconds: MonotonicTime.unsignedNanoseconds(), utc: nil)
            assembly.audit.flushOutbox()
        }
        assembly?.releaseLines()
        if assembly != nil { logger.notice("transmit off, lines released to their safe states") }
        hardware.afterRelease()
        environment.notifier.stopping(status: "stopped: \(reason)")
    }

    /// SIGHUP: re-reads the configuration; applies the policy, the log level and the element
    /// sets (newer elements for the satellites tracked, without dropping the link), and says
    /// which other changes wait for a restart.
    func reload() {
        environment.notifier.reloading()
        defer { environment.notifier.notify("READY=1\nSTATUS=\(lastStatusLine)") }
        logger.notice("SIGHUP: reloading \(configuration.file)")
        let fresh: DaemonConfiguration
        do {
            fresh = try DaemonConfigurationFile.load(path: configuration.file)
        } catch {
            for problem in error.errors { logger.error("reload: \(problem)") }
            logger.error("reload refused: the configuration in force is kept")
            return
        }
        if fresh.logLevel != configuration.logLevel {
            environment.logLevel.level = fresh.logLevel
            logger.notice("log level \(fresh.logLevel)")
        }
        if let policies {
            switch fresh.policyBundle {
            case .file(let path):
                _ = policies.offer(path: path, monotonicNanoseconds: MonotonicTime.unsignedNanoseconds())
            case .embeddedExample:
                if policies.inForce?.source != EmbeddedDefaults.examplePolicySource {
                    _ = policies.offer(
                        bytes: Data(EmbeddedDefaults.examplePolicyYAML.utf8), source: EmbeddedDefaults.examplePolicySource,
                        monotonicNanoseconds: MonotonicTime.unsignedNanoseconds())
                }
            }
        }
        if let elementSets {
            let outcome = elementSets.reload(from: fresh.elementSets)
            switch outcome {
            case .reloaded: logger.notice("\(outcome.logLine)")
            case .noFile: logger.info("\(outcome.logLine)")
            case .failed: logger.error("\(outcome.logLine)")
            }
        }
        let pending = Self.restartOnlyChanges(from: configuration, to: fresh)
        if !pending.isEmpty {
            logger.warning("reload: \(pending.joined(separator: ", ")) changed; these take effect after a restart")
        }
        let keep = configuration
        configuration = fresh
        // What needs a restart stays as it runs.
        configuration.board = keep.board
        configuration.hardware = keep.hardware
        configuration.operatorKey = keep.operatorKey
    }

    /// The fields that only a restart applies.
    static func restartOnlyChanges(from old: DaemonConfiguration, to new: DaemonConfiguration) -> [String] {
        var changed: [String] = []
        if old.board != new.board { changed.append("board") }
        if old.hardware != new.hardware { changed.append("hardware") }
        if old.operatorKey != new.operatorKey { changed.append("policy.operator_key") }
        if old.location != new.location { changed.append("location") }
        if old.auditLogPath != new.auditLogPath { changed.append("audit_log") }
        if old.loop != new.loop { changed.append("loop") }
        if old.statusAPI != new.statusAPI { changed.append("status_api") }
        if old.rotctld != new.rotctld { changed.append("rotctld") }
        if old.dishAPI != new.dishAPI { changed.append("dish_api") }
        if old.handoverPolicy != new.handoverPolicy { changed.append("handover_policy") }
        if old.boresight != new.boresight { changed.append("boresight") }
        if old.simulatedTraceFile != new.simulatedTraceFile { changed.append("sim_trace_file") }
        if old.simulatedObstructions != new.simulatedObstructions { changed.append("sim_obstructions") }
        return changed
    }
}
