import Foundation
import HAL
import Testing

@testable import HILBench

@Suite struct VMBenchDescriptionTests {
    @Test func readsWhatBenchUpWrites() throws {
        let sysfs = try FakeSysfs()
        let description = try VMBenchDescription.load(path: try sysfs.benchJSON(wireLoopPID: 193))
        #expect(description.board == "Boards/hil-vm.yaml")
        let fault = try description.line(.faultIn)
        #expect(fault.offset == 8)
        #expect(fault.activeLow)
        #expect(fault.pull == sysfs.root + "/sim_gpio8_pull")
        #expect(description.gpio.wires.map(\.to) == ["transmit_enable_sense"])
        #expect(description.gpio.wireLoopPID == 193)
        #expect(description.usb["beamformer"]?.udcFile == sysfs.root + "/UDC")
    }

    @Test func aMissingFieldIsNamedWithItsPath() throws {
        let sysfs = try FakeSysfs()
        let path = try sysfs.file("bench.json", #"{"board": "b", "gpio": {"lines": {}, "wires": [{"from": "a", "inverted": false}]}, "usb": {}}"#)
        let error = #expect(throws: VMBenchError.self) { try VMBenchDescription.load(path: path) }
        #expect(error?.description.contains("gpio.wires.0") == true)
        #expect(error?.description.contains("missing field to") == true)
        #expect(error?.description.contains(path) == true)
    }

    @Test func aRoleTheBenchDidNotMakeIsNamed() throws {
        let sysfs = try FakeSysfs()
        let description = try VMBenchDescription.load(path: try sysfs.benchJSON())
        let error = #expect(throws: VMBenchError.self) { try description.line(.overTemperature) }
        #expect(error?.description.contains("over_temperature") == true)
    }

    @Test func anUnreadableFileIsNamed() {
        let error = #expect(throws: VMBenchError.self) { try VMBenchDescription.load(path: "/nonexistent/bench.json") }
        #expect(error?.description.contains("/nonexistent/bench.json") == true)
    }
}

@Suite struct BenchWireTests {
    @Test func copiesTheOutputLevelToTheInputPullOnChangesOnly() throws {
        let sysfs = try FakeSysfs()
        let value = try sysfs.file("out_value", "0\n")
        let pull = try sysfs.file("in_pull", "untouched")
        let wire = BenchWire(
            value: try SysfsAttribute(path: value, writable: false), pull: try SysfsAttribute(path: pull, writable: true),
            inverted: false)
        wire.serve()
        #expect(try sysfs.read("in_pull").hasPrefix("pull-down"))
        try sysfs.file("in_pull", "untouched")
        wire.serve()
        #expect(try sysfs.read("in_pull") == "untouched", "no change of the output: no write")
        try sysfs.file("out_value", "1\n")
        wire.serve()
        #expect(try sysfs.read("in_pull").hasPrefix("pull-up"))
    }

    @Test func anInvertedWireInverts() throws {
        let sysfs = try FakeSysfs()
        let value = try sysfs.file("out_value", "1\n")
        let pull = try sysfs.file("in_pull", "")
        let wire = BenchWire(
            value: try SysfsAttribute(path: value, writable: false), pull: try SysfsAttribute(path: pull, writable: true),
            inverted: true)
        wire.serve()
        #expect(try sysfs.read("in_pull").hasPrefix("pull-down"))
    }

    @Test func aMissingAttributeIsNamed() {
        let error = #expect(throws: VMBenchError.self) { try SysfsAttribute(path: "/nonexistent/sim_gpio0/value", writable: false) }
        #expect(error?.description.contains("/nonexistent/sim_gpio0/value") == true)
    }
}
