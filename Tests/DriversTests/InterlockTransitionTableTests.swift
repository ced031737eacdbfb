import Drivers
import Foundation
import HAL
import Testing

/// The model's transition table (`Model/interlock-transitions.txt`), which the Promela model
/// is generated from, derived here from the real `TransmitInterlock` and `AuditHandoff`: every
/// abstract (state, input) pair is set up on the simulated bench and applied, and the outcome
/// written as one row. A change of the Swift code's behaviour or of the committed table
/// without the other fails this test (see `Model/README.md`).
///
/// "Some condition fails" is tried with each tick condition of
/// `TransmitCondition.evaluatedByTick` failing alone and with all failing; every one must give
/// the same row, so a new condition is covered without touching the table.
@Suite struct InterlockTransitionTableTests {
    static let tableFile = "Model/interlock-transitions.txt"

    @Test func theSwiftInterlockMatchesTheModelsTransitionTable() throws {
        let derived = try Self.deriveTable()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent(Self.tableFile)
        if let out = ProcessInfo.processInfo.environment["UTERMD_MODEL_TABLE_OUT"] {
            try Self.render(derived).write(toFile: out, atomically: true, encoding: .utf8)
        }
        let committed = Self.rows(of: try String(contentsOf: file, encoding: .utf8))
        let derivedRows = Self.rows(of: Self.render(derived))
        let missing = derivedRows.subtracting(committed).sorted()
        let extra = committed.subtracting(derivedRows).sorted()
        #expect(
            missing.isEmpty && extra.isEmpty,
            """
            \(Self.tableFile) and the Swift interlock disagree (regenerate with `make model-table`, \
            then check the model with `make model-check`):
            rows of the code not in the table (\(missing.count)):
            \(missing.prefix(12).joined(separator: "\n"))
            rows of the table not in the code (\(extra.count)):
            \(extra.prefix(12).joined(separator: "\n"))
            """)
    }

    /// The table's rows without comments and spacing.
    static func rows(of text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    // MARK: Deriving

    struct Row: Hashable {
        var inputs: [String]
        var outputs: [String]
    }

    static func deriveTable() throws -> [Row] {
        var rows: [Row] = []
        for state in ModelState.reachable {
            for conditionsHold in [true, false] {
                for view in ModelLogView.possible(in: state.phase) {
                    for sense in ModelSense.allCases {
                        for writesFail in [false, true] {
                            let inputs = [
                                "update", state.phase.rawValue, state.line.rawValue, conditionsHold ? "hold" : "fail",
                                flag(view.caughtUp), view.pendingOnDurable.map(flag) ?? "-", flag(view.failing), flag(view.room),
                                sense.rawValue, writesFail ? "fail" : "ok",
                            ]
                            var outcomes: Set<[String]> = []
                            for conditions in conditionsHold ? [TransmitConditions.allMet] : failingConditions() {
                                outcomes.insert(
                                    try outcome(from: state, view: view) { bench in
                                        try bench.update(conditions, sense: sense, writesFail: writesFail)
                                    })
                            }
                            try #require(outcomes.count == 1, "\(inputs): the failing conditions differ: \(outcomes)")
                            rows.append(Row(inputs: inputs, outputs: outcomes.first!))
                        }
                    }
                }
            }
            // forceOff (stow, stop): no refresh of its own, no sense read, no conditions.
            for room in [true, false] {
                for writesFail in [false, true] {
                    let view = ModelLogView(
                        caughtUp: room, pendingOnDurable: state.phase == .awaiting ? room : nil, failing: false, room: room)
                    let inputs = [
                        "forceOff", state.phase.rawValue, state.line.rawValue, "-", "-", "-", "-", flag(room), "-",
                        writesFail ? "fail" : "ok",
                    ]
                    let outputs = try outcome(from: state, view: view) { bench in
                        bench.setWrites(failing: writesFail)
                        bench.interlock.forceOff(atNanoseconds: bench.clock.nowNanoseconds, utc: nil)
                    }
                    rows.append(Row(inputs: inputs, outputs: outputs))
                }
            }
        }
        return rows
    }

    /// Each tick condition failing alone, then all of them.
    static func failingConditions() -> [TransmitConditions] {
        var cases = TransmitCondition.evaluatedByTick.map { condition -> TransmitConditions in
            var conditions = TransmitConditions.allMet
            conditions[condition] = false
            return conditions
        }
        cases.append(TransmitConditions())
        return cases
    }

    /// Sets a fresh bench up in `state` with the hand-off showing `view`, applies `step`, and
    /// returns the outcome: phase, line state, the level written to transmit-enable (`-`: no
    /// write took effect), the records submitted, the records dropped.
    static func outcome(
        from state: ModelState, view: ModelLogView, _ step: (InterlockTransitionBench) throws -> Void
    ) throws -> [String] {
        let bench = try InterlockTransitionBench()
        try reach(state, on: bench)
        bench.show(view)  // the interlock's records so far are taken; only fillers stay queued
        let writesBefore = bench.gpio.writes(of: .transmitEnable).count
        let droppedBefore = bench.handoff.droppedRecordCount
        try step(bench)
        let writes = bench.gpio.writes(of: .transmitEnable).dropFirst(writesBefore).map(\.level.rawValue)
        let records = bench.submittedRecordKinds()
        let after = bench.state
        return [
            after.phase.rawValue, after.line.rawValue, writes.isEmpty ? "-" : writes.joined(separator: "+"),
            records.isEmpty ? "-" : records.joined(separator: "+"), "\(bench.handoff.droppedRecordCount - droppedBefore)",
        ]
    }

    /// Drives a fresh bench into `state` (every record durable afterwards, except a pending
    /// `on`, which stays queued).
    static func reach(_ state: ModelState, on bench: InterlockTransitionBench) throws {
        var off = TransmitConditions.allMet
        off.policyValid = false
        let fromAwaiting = state.phase != .off
        if fromAwaiting {
            try bench.update(.allMet, sense: state.line == .m1 && state.phase == .awaiting ? .disagree : .agree, writesFail: false)
            if state.phase == .on {
                bench.makeEverythingDurable()
                try bench.update(.allMet, sense: .agree, writesFail: false)
                if state.line == .m1 {
                    bench.makeEverythingDurable()
                    try bench.update(.allMet, sense: .disagree, writesFail: false)
                }
                bench.makeEverythingDurable()
            }
        } else if state.line != .m0 {
            try bench.update(off, sense: .disagree, writesFail: false)
            if state.line == .fault { try bench.update(off, sense: .disagree, writesFail: false) }
            bench.makeEverythingDurable()
        }
        try #require(bench.state == state, "could not reach \(state): at \(bench.state)")
    }

    static func flag(_ value: Bool) -> String { value ? "1" : "0" }

    /// The table's text: a header, then one row a line, columns aligned.
    static func render(_ rows: [Row]) -> String {
        let header = [
            "# The transmit interlock's transitions, derived from the Swift code by",
            "# Tests/DriversTests/InterlockTransitionTableTests.swift; the Promela model (Model/interlock.pml)",
            "# is generated from this file. Do not edit by hand: `make model-table` rewrites it.",
            "# Columns: call phase line conds C D F R sense write -> phase' line' te_writes records dropped",
            "#   line: m0/m1 consecutive disagreeing sense reads, fault = latched line fault",
            "#   C caught up, D pending `on` durable, F writer failing, R room in the hand-off ('-': not read)",
            "#   te_writes: levels written to transmit_enable that took effect; records: submitted, in order",
        ]
        let cells = rows.map { $0.inputs + ["->"] + $0.outputs }
        let widths = (0..<(cells.first?.count ?? 0)).map { column in cells.map { $0[column].count }.max() ?? 0 }
        let body = cells.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
                .trimmingCharacters(in: .whitespaces)
        }
        return (header + body).joined(separator: "\n") + "\n"
    }
}
