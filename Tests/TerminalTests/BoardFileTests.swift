import Foundation
import HAL
import Terminal
import Testing

@Suite struct BoardFileTests {
    @Test func everyShippedBoardIsValid() throws {
        let files = try RepositoryFiles.boardFiles()
        #expect(files.count >= 3)
        for file in files {
            let board = try BoardFile.load(path: file)
            #expect(board.lines[.transmitEnable]?.safeState == .inactive, "\(file)")
        }
    }

    @Test func raspberryPi5SelectsTheRP1ChipByLabel() throws {
        let board = try BoardFile.load(path: RepositoryFiles.path("Boards/rpi5.yaml"))
        #expect(board.chips == [GPIOChipDescription(label: "pinctrl-rp1", lineCount: 54)])
        #expect(board.lines[.transmitEnable] == GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17, safeState: .inactive))
        #expect(board.lines[.faultIn]?.activeLow == true)
        #expect(board.lines[.faultIn]?.bias == .pullUp)
        #expect(board.usbDevices[.gnss]?.id.description == "1546:01a8")
    }

    @Test func embeddedSimulatedBoardIsTheRepositoryFile() throws {
        let file = try String(contentsOfFile: RepositoryFiles.path("Boards/sim.yaml"), encoding: .utf8)
        #expect(EmbeddedDefaults.simulatedBoardYAML == file)
    }

    static let valid = """
        format: 1
        board: t
        gpio:
          chips:
            - label: chip-a
              lines: 32
          lines:
            transmit_enable: { chip: chip-a, line: 4, active_low: false, safe: inactive }
            fault_in:        { chip: chip-a, line: 5, active_low: true }
        """

    func problems(_ yaml: String) -> [DataFileError] {
        do {
            _ = try BoardFile.parse(yaml: yaml, file: "board.yaml")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func validTextParses() throws {
        let board = try BoardFile.parse(yaml: Self.valid, file: "board.yaml")
        #expect(board.name == "t")
        #expect(board.lines.count == 2)
    }

    @Test func duplicatedOffsetNamesFileLineAndBothRoles() throws {
        let found = problems(Self.valid.replacingOccurrences(of: "line: 5", with: "line: 4"))
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.file == "board.yaml")
        #expect(problem.line == 9)
        #expect(problem.field == "gpio.lines.fault_in.line")
        #expect(problem.description.contains("transmit_enable") && problem.description.contains("fault_in"))
        #expect(problem.description.hasPrefix("board.yaml:9:"))
    }

    @Test func unknownRoleIsNamed() {
        let found = problems(Self.valid.replacingOccurrences(of: "fault_in:       ", with: "launch_missiles:"))
        #expect(found.map(\.field) == ["gpio.lines.launch_missiles"])
        #expect(found.first?.message.contains("unknown role") == true)
    }

    @Test func missingFieldIsNamed() {
        let found = problems(Self.valid.replacingOccurrences(of: "active_low: true", with: "bias: pull_up"))
        #expect(found.map(\.field) == ["gpio.lines.fault_in"])
        #expect(found.first?.message == "missing field \"active_low\"")
    }

    @Test func misspelledFieldIsRejected() {
        let found = problems(Self.valid.replacingOccurrences(of: "active_low: true", with: "actve_low: true"))
        #expect(found.map(\.field) == ["gpio.lines.fault_in.actve_low"])
    }

    @Test func outOfRangeOffsetIsLocated() {
        let found = problems(Self.valid.replacingOccurrences(of: "line: 5", with: "line: 32"))
        #expect(found.map(\.field) == ["gpio.lines.fault_in.line"])
        #expect(found.first?.line == 9)
    }

    @Test func wrongTypesAreNamed() {
        let found = problems(
            Self.valid.replacingOccurrences(of: "line: 5", with: "line: five")
                .replacingOccurrences(of: "active_low: false", with: "active_low: maybe"))
        #expect(found.map(\.field) == ["gpio.lines.transmit_enable.active_low", "gpio.lines.fault_in.line"])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let found = problems(
            Self.valid.replacingOccurrences(of: "format: 1", with: "format: 2")
                .replacingOccurrences(of: "safe: inactive", with: "safe: maybe"))
        #expect(found.count == 2)
    }

    @Test func duplicatedYAMLKeyIsAnError() {
        let found = problems(Self.valid + "\n    fault_in: { chip: chip-a, line: 6, active_low: true }\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("duplicated key") == true)
    }

    @Test func syntaxErrorsAndEmptyFilesHaveAPosition() {
        #expect(problems("gpio: [unclosed").first?.line != nil)
        #expect(problems("").first?.message == "the file is empty")
        #expect(problems("- just\n- a list\n").first?.message.contains("mapping") == true)
    }

    @Test func unreadableFileIsNamed() {
        do {
            _ = try BoardFile.load(path: "/nonexistent/board.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/board.yaml: cannot read"))
        }
    }
}
