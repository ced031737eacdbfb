import Audit
@testable import Drivers
import HAL
import HALSim
import TestSupport

/// The abstraction the Promela model of `Model/` works in, and a bench that puts the real
/// `TransmitInterlock` and `AuditHandoff` into each abstract state and applies each abstract
/// input, so that `InterlockTransitionTableTests` can derive the transition table from the
/// Swift code (see `Model/README.md`, "Keeping the model honest").
///
/// The abstraction: the interlock's phase; its line state (`m0`/`m1`: consecutive
/// disagreeing sense reads so far, `fault`: a latched line fault); whether every tick
/// condition holds; what the hand-off shows after the update's `refresh()` (C: caught up,
/// D: the pending `on` is durable, F: the writer is failing, R: there is room for a record);
/// the sense input against the commanded level; whether writes to transmit-enable succeed.
enum ModelPhase: String, CaseIterable {
    case off, awaiting, on
}

/// The interlock's sense bookkeeping, abstracted.
enum ModelLineState: String, CaseIterable {
    case m0, m1, fault
}

/// What the transmit-enable sense input reads at the update, relative to the commanded level.
enum ModelSense: String, CaseIterable {
    case agree, disagree, unreadable
}

/// One abstract start state of the interlock.
struct ModelState: Hashable {
    var phase: ModelPhase
    var line: ModelLineState

    /// The states the interlock can be in (a latched fault keeps it off).
    static let reachable: [ModelState] = [
        ModelState(phase: .off, line: .m0), ModelState(phase: .off, line: .m1), ModelState(phase: .off, line: .fault),
        ModelState(phase: .awaiting, line: .m0), ModelState(phase: .awaiting, line: .m1),
        ModelState(phase: .on, line: .m0), ModelState(phase: .on, line: .m1),
    ]
}

/// What the hand-off shows the interlock (after the update's own `refresh()`).
struct ModelLogView: Hashable {
    var caughtUp: Bool
    /// Only read while awaiting an `on` (nil otherwise).
    var pendingOnDurable: Bool?
    var failing: Bool
    var room: Bool

    /// The combinations the hand-off can show: no room or a failing writer means records are
    /// outstanding (not caught up), and caught up while awaiting means the `on` is durable.
    static func possible(in phase: ModelPhase) -> [ModelLogView] {
        var views: [ModelLogView] = []
        let durable: [Bool?] = phase == .awaiting ? [true, false] : [nil]
        for caughtUp in [true, false] {
            for onDurable in durable {
                for failing in [false, true] {
                    for room in [true, false] {
                        if caughtUp && (failing || !room || onDurable == false) { continue }
                        views.append(ModelLogView(caughtUp: caughtUp, pendingOnDurable: onDurable, failing: failing, room: room))
                    }
                }
            }
        }
        return views
    }
}

/// The real interlock over simulated lines and a hand-off of the smallest capacity (4),
/// whose writer side the bench plays by hand (`@testable`: `takeQueued`, `markDurable`,
/// `markFailing`). The sense input is not wired: the bench drives it.
final class InterlockTransitionBench {
    /// A record the interlock never submits, used to fill the hand-off.
    static let filler = DriverAuditRecord(.hardwareFaultCleared(.overTemperature), monotonicNanoseconds: 0, utc: nil)

    let clock = ManualSimulationClock()
    let gpio: SimulatedGPIO
    let handoff = AuditHandoff(capacity: 4)
    let transmitEnable: SimulatedGPIOOutputLine
    let sense: SimulatedGPIOInputLine
    let interlock: TransmitInterlock
    /// Records the bench's writer has taken and not yet made durable.
    private var taken: [DriverAuditRecord] = []

    init() throws {
        gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock, wires: [])
        transmitEnable = try gpio.openOutput(.transmitEnable)
        sense = try gpio.openInput(.transmitEnableSense, edgeEvents: false)
        interlock = TransmitInterlock(transmitEnable: transmitEnable, sense: sense, audit: handoff)
    }

    /// The abstract state the interlock is in now.
    var state: ModelState {
        let phase: ModelPhase =
            switch interlock.phase {
            case .off: .off
            case .awaitingAudit: .awaiting
            case .on: .on
            }
        let line: ModelLineState =
            interlock.lineFault != nil ? .fault : (interlock.senseMismatchTicks == 0 ? .m0 : .m1)
        return ModelState(phase: phase, line: line)
    }

    // MARK: Inputs

    func setSense(_ input: ModelSense) throws {
        gpio.clearFailure(on: .transmitEnableSense)
        let commanded = interlock.commandedLevel
        switch input {
        case .agree: try gpio.driveInput(.transmitEnableSense, to: commanded)
        case .disagree: try gpio.driveInput(.transmitEnableSense, to: commanded == .active ? .inactive : .active)
        case .unreadable: gpio.injectFailure(on: .transmitEnableSense, errno: .ioError)
        }
    }

    func setWrites(failing: Bool) {
        if failing { gpio.injectFailure(on: .transmitEnable, errno: .ioError) } else { gpio.clearFailure(on: .transmitEnable) }
    }

    /// One update with `conditions`, the sense input and writes as given.
    func update(_ conditions: TransmitConditions, sense: ModelSense, writesFail: Bool) throws {
        try setSense(sense)
        setWrites(failing: writesFail)
        interlock.update(conditions, atNanoseconds: clock.nowNanoseconds, utc: nil)
        clock.advance(by: .milliseconds(1))
    }

    // MARK: The writer's side, by hand

    /// Takes what is queued (as the writer does) without making it durable.
    func takeQueued() {
        handoff.refresh()
        handoff.takeQueued(into: &taken, timeoutNanoseconds: 0)
    }

    /// Makes every record submitted so far durable.
    func makeEverythingDurable() {
        takeQueued()
        for record in taken { handoff.markDurable(record) }
        taken.removeAll()
        handoff.refresh()
    }

    /// Puts the hand-off into `view` (from caught up, or from awaiting with the `on` queued).
    func show(_ view: ModelLogView) {
        if let onDurable = view.pendingOnDurable, !onDurable {
            takeQueued()  // the writer has the `on`; its fsync has not returned
        } else {
            makeEverythingDurable()
        }
        if !view.caughtUp && handoff.isCaughtUp { handoff.submit(Self.filler) }
        if view.failing {
            handoff.markFailing()
            handoff.refresh()
        }
        if !view.room { while handoff.submit(Self.filler) {} }
    }

    /// The interlock's records submitted since the last call (fillers left out), in order;
    /// the records are left queued-and-taken, not durable.
    func submittedRecordKinds() -> [String] {
        var records: [DriverAuditRecord] = []
        handoff.refresh()
        handoff.takeQueued(into: &records, timeoutNanoseconds: 0)
        taken += records
        return records.compactMap { record in
            switch record.event {
            case .transmitOn: "on"
            case .transmitOff: "off"
            case .transmitOnWithdrawn: "withdrawn"
            case .transmitLineFault: "fault"
            case .transmitLineFaultCleared: "fault_cleared"
            case .hardwareFaultRaised, .hardwareFaultCleared, .outputWriteFailed, .outputWriteFaultCleared,
                .clockDisagreementRaised, .clockDisagreementCleared:
                nil
            }
        }
    }
}
