import HAL
import Testing

@Suite struct USBIdentifierTests {
    @Test func parsesLsusbStyle() throws {
        let id = try #require(USBIdentifier("0456:b673"))
        #expect(id.vendorID == 0x0456)
        #expect(id.productID == 0xB673)
        #expect(id.description == "0456:b673")
    }

    @Test func acceptsHexPrefixesAndShortForms() {
        #expect(USBIdentifier("0x1209:0x1") == USBIdentifier(vendorID: 0x1209, productID: 1))
    }

    @Test(arguments: ["", "1209", "1209:", ":0001", "12g9:0001", "12345:0001", "1209:0001:2"])
    func rejectsMalformed(_ text: String) {
        #expect(USBIdentifier(text) == nil)
    }
}
