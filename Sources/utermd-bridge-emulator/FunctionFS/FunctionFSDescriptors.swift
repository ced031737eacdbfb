/// The blobs a FunctionFS device writes to `ep0` before the gadget can be bound: the
/// descriptors (format v2) and the strings of the beamformer bridge's one interface.
///
/// Layouts from the kernel's `include/uapi/linux/usb/functionfs.h` (Linux 6.1) and the USB 2.0
/// specification §9.6 (interface and endpoint descriptors) and USB 3.2 §9.6.7 (SuperSpeed
/// endpoint companion). All multi-byte fields are little-endian.
enum FunctionFSDescriptors {
    /// `FUNCTIONFS_DESCRIPTORS_MAGIC_V2`.
    static let descriptorsMagicV2: UInt32 = 3
    /// `FUNCTIONFS_STRINGS_MAGIC`.
    static let stringsMagic: UInt32 = 2
    /// `FUNCTIONFS_HAS_FS_DESC`, `_HS_DESC`, `_SS_DESC`.
    static let hasFullSpeed: UInt32 = 1
    static let hasHighSpeed: UInt32 = 2
    static let hasSuperSpeed: UInt32 = 4
    /// OUT endpoints declared ahead of the bridge's own, so that the controller's endpoint
    /// picked for the request endpoint is the one numbered 1.
    ///
    /// The kernel gives each endpoint descriptor, in the order written, the first free
    /// endpoint of the controller that fits (`usb_ep_autoconfig`, drivers/usb/gadget/
    /// epautoconf.c), and the host sees that endpoint's number. dummy_hcd lists its bulk OUT
    /// endpoints as `ep2out-bulk`, `ep7out-bulk`, `ep12out-bulk`, `ep1out-bulk`
    /// (drivers/usb/gadget/udc/dummy_hcd.c, `ep_info`), so a lone OUT endpoint would be 0x02,
    /// while the protocol fixes 0x01 (`BeamformerBridgeProtocol.requestEndpoint`). Three
    /// placeholders take 2, 7 and 12 first; the host sees them as unused bulk OUT endpoints of
    /// interface 0. (`FUNCTIONFS_VIRTUAL_ADDR` would only rename them: the gadget then fails
    /// to set its configuration, because `config_ep_by_speed` looks the descriptor up by the
    /// controller's number.) bench-up.sh checks the host-side addresses after binding.
    static let dummyHCDPlaceholderOutAddresses: [UInt8] = [0x02, 0x07, 0x0C]

    /// The endpoint descriptors in the order written: the bridge's IN endpoint, the
    /// placeholders, the bridge's OUT endpoint. FunctionFS names the endpoint files after
    /// this order: `ep1` is the first.
    static func endpointOrder(outAddress: UInt8, inAddress: UInt8) -> [UInt8] {
        [inAddress] + dummyHCDPlaceholderOutAddresses + [outAddress]
    }

    /// The name of the FunctionFS file of the endpoint at `address`.
    static func endpointFileName(_ address: UInt8, outAddress: UInt8, inAddress: UInt8) -> String? {
        endpointOrder(outAddress: outAddress, inAddress: inAddress).firstIndex(of: address).map { "ep\($0 + 1)" }
    }

    /// US English, the only language of the strings.
    static let languageUSEnglish: UInt16 = 0x0409

    /// The descriptors of one vendor-specific interface with the bridge's bulk OUT and bulk
    /// IN endpoints at `outAddress` / `inAddress` (and the placeholders), for full, high and
    /// SuperSpeed.
    static func descriptors(outAddress: UInt8, inAddress: UInt8) -> [UInt8] {
        let order = endpointOrder(outAddress: outAddress, inAddress: inAddress)
        // USB 2.0 §5.8.3: bulk packets are at most 64 bytes at full speed, exactly 512 at high
        // speed; USB 3.2 §9.6.6: 1,024 at SuperSpeed.
        let fullSpeed = interface(endpointCount: order.count) + order.flatMap { endpoint($0, maxPacket: 64) }
        let highSpeed = interface(endpointCount: order.count) + order.flatMap { endpoint($0, maxPacket: 512) }
        let superSpeed = interface(endpointCount: order.count) + order.flatMap { endpoint($0, maxPacket: 1024) + companion() }
        var blob: [UInt8] = []
        let headerByteCount = 4 * 3 + 4 * 3  // magic, length, flags; fs, hs, ss counts
        let length = headerByteCount + fullSpeed.count + highSpeed.count + superSpeed.count
        append32(descriptorsMagicV2, to: &blob)
        append32(UInt32(length), to: &blob)
        append32(hasFullSpeed | hasHighSpeed | hasSuperSpeed, to: &blob)
        append32(UInt32(1 + order.count), to: &blob)  // full speed: the interface and its endpoints
        append32(UInt32(1 + order.count), to: &blob)  // high speed
        append32(UInt32(1 + 2 * order.count), to: &blob)  // SuperSpeed: each endpoint with a companion
        blob += fullSpeed + highSpeed + superSpeed
        return blob
    }

    /// The strings: string 1 (the interface's name) in US English.
    static func strings(interfaceName: String) -> [UInt8] {
        let text = Array(interfaceName.utf8) + [0]
        var blob: [UInt8] = []
        append32(stringsMagic, to: &blob)
        append32(UInt32(16 + 2 + text.count), to: &blob)
        append32(1, to: &blob)  // strings per language
        append32(1, to: &blob)  // languages
        blob += [UInt8(truncatingIfNeeded: languageUSEnglish), UInt8(languageUSEnglish >> 8)]
        blob += text
        return blob
    }

    /// Interface 0 with `endpointCount` endpoints, class 0xFF (vendor-specific), its name in
    /// string 1.
    private static func interface(endpointCount: Int) -> [UInt8] {
        [9, 4, 0, 0, UInt8(endpointCount), 0xFF, 0, 0, 1]
    }

    /// A bulk endpoint (bmAttributes 2) at `address`.
    private static func endpoint(_ address: UInt8, maxPacket: UInt16) -> [UInt8] {
        [7, 5, address, 2, UInt8(truncatingIfNeeded: maxPacket), UInt8(maxPacket >> 8), 0]
    }

    /// The SuperSpeed endpoint companion of a bulk endpoint: no bursts, no streams.
    private static func companion() -> [UInt8] {
        [6, 0x30, 0, 0, 0, 0]
    }

    private static func append32(_ value: UInt32, to blob: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { blob.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
