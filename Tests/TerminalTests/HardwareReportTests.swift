import Foundation
import HAL
import HALSim
import Terminal
import Testing

@Suite struct HardwareReportTests {
    struct FailingInventory: HardwareInventory {
        struct Failure: Error, CustomStringConvertible { var description: String { "open /dev/gpiochip0: Permission denied (errno 13)" } }
        var backendName: String { "failing" }
        func libraryVersions() -> [String: String] { [:] }
        func gpioChips() throws -> [GPIOChipInfo] { throw Failure() }
        func usbDevices() throws -> [USBDeviceInfo] { [USBDeviceInfo(bus: 1, address: 1, id: USBIdentifier(vendorID: 0x1D6B, productID: 2))] }
    }

    @Test func oneBusFailingDoesNotHideTheOther() {
        let report = HardwareReport(of: FailingInventory())
        #expect(report.errors == ["GPIO: open /dev/gpiochip0: Permission denied (errno 13)"])
        #expect(report.usbDevices.count == 1)
        #expect(report.text().contains("Bus 001 Device 001: ID 1d6b:0002"))
    }

    @Test func jsonHasTheDocumentedArrays() throws {
        let board = try BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "sim.yaml")
        let json = try HardwareReport(of: SimulatedHardwareInventory(board: board.hardware)).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["gpioChips"] as? [Any])?.count == 1)
        #expect((object["usbDevices"] as? [Any])?.count == 2)
    }
}
