import Logging
import Terminal

extension DaemonRunner {
    /// Counts the service rules' days from the latest snapshot, saves and audits changes, and
    /// hands changed counters to the tick (see `ServiceDayKeeper`). A counter that cannot be
    /// saved is not handed over (the tick keeps the last saved ones) and is logged.
    func keepServiceDays(_ snapshot: TerminalSnapshot, channels: TerminalChannels) {
        guard var keeper = serviceDays, let assembly else { return }
        do {
            let entries = try keeper.observe(snapshot)
            for entry in entries {
                do {
                    try assembly.auditWriter.append(entry)
                } catch {
                    logger.error("service rules: audit record not written: \(error)")
                }
                logger.info("service rules: \(entry.event) \(entry.reason) \(entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
            }
            if keeper.countersChanged { channels.serviceDays.publish(keeper.counters) }
        } catch {
            logger.error("service rules: day counters not saved: \(error)")
        }
        serviceDays = keeper
    }
}
