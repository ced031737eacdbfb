import HAL
import Testing

@Suite struct BoardValidationTests {
    let chip = GPIOChipDescription(label: "pinctrl-rp1", lineCount: 54)

    func board(_ lines: [GPIORole: GPIOLineAssignment]) -> BoardProfile {
        BoardProfile(name: "test", chips: [chip], lines: lines)
    }

    let transmit = GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17, safeState: .inactive)

    @Test func minimalBoardIsValid() {
        #expect(board([.transmitEnable: transmit]).validate().isEmpty)
    }

    @Test func duplicatedLineNamesBothRoles() {
        let issues = board([
            .transmitEnable: transmit,
            .faultIn: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17, activeLow: true),
        ]).validate()
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("transmit_enable") == true)
        #expect(issues.first?.message.contains("fault_in") == true)
    }

    @Test func sameOffsetOnDifferentChipsIsFine() {
        var profile = board([
            .transmitEnable: transmit,
            .faultIn: GPIOLineAssignment(chipLabel: "other", offset: 17),
        ])
        profile.chips.append(GPIOChipDescription(label: "other", lineCount: 32))
        #expect(profile.validate().isEmpty)
    }

    @Test(arguments: [-1, 54, 1000])
    func offsetOutOfRange(_ offset: Int) {
        let issues = board([.transmitEnable: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: offset, safeState: .inactive)])
            .validate()
        #expect(issues.map(\.field) == ["gpio.lines.transmit_enable.line"])
        #expect(issues.first?.message.contains("0...53") == true)
    }

    @Test func missingTransmitEnableIsAnError() {
        let issues = board([.statusLED: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 22, safeState: .inactive)])
            .validate()
        #expect(issues.map(\.field) == ["gpio.lines.transmit_enable"])
    }

    @Test func transmitMustPowerOnInactive() {
        let issues = board([.transmitEnable: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17, safeState: .active)])
            .validate()
        #expect(issues.map(\.field) == ["gpio.lines.transmit_enable.safe"])
    }

    @Test func outputsNeedASafeStateAndInputsHaveNone() {
        let issues = board([
            .transmitEnable: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 17),
            .faultIn: GPIOLineAssignment(chipLabel: "pinctrl-rp1", offset: 24, safeState: .inactive),
        ]).validate()
        #expect(Set(issues.map(\.field)) == ["gpio.lines.transmit_enable.safe", "gpio.lines.fault_in.safe"])
    }

    @Test func undeclaredChip() {
        let issues = board([.transmitEnable: GPIOLineAssignment(chipLabel: "gpiochip4", offset: 17, safeState: .inactive)])
            .validate()
        #expect(issues.map(\.field) == ["gpio.lines.transmit_enable.chip"])
    }

    @Test func everyRoleHasADirection() {
        #expect(GPIORole.allCases.filter { $0.direction == .output }.count == 4)
        #expect(GPIORole.allCases.allSatisfy { !$0.mustBeSafeInactive || $0.direction == .output })
    }
}
