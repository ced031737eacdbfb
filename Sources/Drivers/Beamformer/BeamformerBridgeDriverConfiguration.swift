import HAL

/// How a `BeamformerBridgeDriver` finds and paces the bridge.
package struct BeamformerBridgeDriverConfiguration: Sendable, Hashable {
    /// The bridge's vendor:product.
    package var identifier: USBIdentifier
    /// Its serial number, when the board pins one.
    package var serialNumber: String?
    /// Elements of the array (the bridge must drive at least this many).
    package var elementCount: Int
    /// How long to wait for each acknowledgement. The bridge answers within 1 ms (one SPI
    /// burst per chip); 20 ms leaves room for a loaded USB hub without stalling the driver.
    package var replyTimeout: Duration = .milliseconds(20)
    /// How often an idle driver checks the bridge with a read status, so an unplug or hang
    /// shows even while the steering does not change.
    package var heartbeatIntervalNanoseconds: UInt64 = 250_000_000
    /// How often to try to reopen a bridge that is gone, when no hot-plug event says it is back.
    package var reconnectIntervalNanoseconds: UInt64 = 1_000_000_000
    /// Elements per load-beam-state frame (at most `BeamformerBridgeProtocol.maximumElementsPerLoad`).
    /// 512 elements make 1,034-byte frames: three frames and a latch for a 1,280-element array.
    package var elementsPerLoad = 512

    /// A configuration for the bridge `identifier` driving `elementCount` elements.
    package init(identifier: USBIdentifier, serialNumber: String? = nil, elementCount: Int) {
        self.identifier = identifier
        self.serialNumber = serialNumber
        self.elementCount = elementCount
    }

    /// The configuration for the board's `beamformer` USB device; nil when the board has none.
    package init?(board: BoardProfile, elementCount: Int) {
        guard let assignment = board.usbDevices[.beamformer] else { return nil }
        self.init(identifier: assignment.id, serialNumber: assignment.serial, elementCount: elementCount)
    }
}
