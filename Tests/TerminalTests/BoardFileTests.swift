import Beam
import Foundation
import HAL
import Terminal
import Testing

@Suite struct BoardFileTests {
    @Test func everyShippedBoardIsValid() throws {
        let files = try RepositoryFiles.boardFiles()
        #expect(files.count >= 3)
        for file in files {
            let board = try BoardFile.load(path: file).hardware
            #expect(board.lines[.transmitEnable]?.safeState == .inactive, "\(file)")
        }
    }

    @Test func raspberryPi5SelectsTheRP1ChipByLabel() throws {
        let board = try BoardFile.load(path: RepositoryFiles.path("Boards/rpi5.yaml")).hardware
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
        #expect(board.hardware.lines.count == 2)
        #expect(board.array == ArrayDescription())
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

@Suite struct BoardFileArraySectionTests {
    func parse(_ array: String) throws(DataFileErrors) -> BoardDescription {
        try BoardFile.parse(yaml: BoardFileTests.valid + "\n" + array, file: "board.yaml")
    }

    @Test func explicitArrayIsRead() throws {
        let board = try parse(
            """
            array:
              lattice: triangular
              elements: 640
              spacing_mm: 10.0
              receive: { carrier_ghz: 12.0 }
              transmit: { band_ghz: [14.0, 14.5], carrier_ghz: 14.2 }
              phase_bits: 6
              scan_limit_deg: 45
              mount: { boresight_azimuth_deg: 180, boresight_elevation_deg: 65 }
            """)
        #expect(board.array.lattice == .triangular)
        #expect(board.array.aperture == .circular(elementCount: 640))
        #expect(board.array.elementSpacingMetres == 0.010)
        #expect(board.array.receiveCarrierHertz == 12.0e9)
        #expect(board.array.transmitCarrierHertz == 14.2e9)
        #expect(board.array.phaseShifterBits == 6)
        #expect(board.array.scanLimitDegrees == 45)
        #expect(board.array.mount == .boresight(azimuthDegrees: 180, elevationDegrees: 65))
    }

    @Test func imuTiltMount() throws {
        let board = try parse("array:\n  mount: { roll_deg: 2, pitch_deg: -3, yaw_deg: 90 }\n")
        #expect(board.array.mount == .tilt(rollDegrees: 2, pitchDegrees: -3, yawDegrees: 90))
    }

    @Test func physicallyImpossibleArrayIsRejectedAtTheSection() {
        // 20 mm spacing lets a grating lobe in well within a 50° scan at 14.5 GHz.
        do {
            _ = try parse("array:\n  spacing_mm: 20\n")
            Issue.record("accepted a grating-lobe array")
        } catch {
            #expect(error.errors.map(\.field) == ["array"])
            #expect(error.errors.first?.line == 11)  // the section's first line
            #expect(error.description.lowercased().contains("grating"))
        }
    }

    @Test func misspelledArrayFieldIsNamed() {
        do {
            _ = try parse("array:\n  phase_bit: 7\n")
            Issue.record("accepted a misspelled field")
        } catch {
            #expect(error.errors.map(\.field) == ["array.phase_bit"])
        }
    }
}
