import HAL

/// A USB device opened through libusb. Closing (explicitly or when the last reference goes)
/// releases its claimed interfaces, re-attaching kernel drivers detached by hand, then
/// closes it. Transfers never log.
package final class LinuxUSBDevice: USBDevice {
    /// The device's vendor:product.
    package let identifier: USBIdentifier
    /// The serial-number string descriptor, if the device has one.
    package let serialNumber: String?
    /// Claimed interfaces, each with whether a kernel driver was detached by hand for it.
    private var claimed: [Int32: Bool] = [:]
    #if canImport(CLibUSB)
        private var handle: LibUSBDeviceHandle?

        init(handle: consuming LibUSBDeviceHandle) {
            identifier = handle.identifier
            serialNumber = handle.serialNumber
            self.handle = .some(handle)
        }
    #else
        // Without libusb no device is ever opened; this only completes the type.
        private init(identifier: USBIdentifier) {
            self.identifier = identifier
            serialNumber = nil
        }
    #endif

    deinit { close() }

    /// `libusb_claim_interface` (detaching a kernel driver first if needed).
    package func claimInterface(_ number: Int) throws(USBError) {
        let interface = try Self.interfaceNumber(number)
        #if canImport(CLibUSB)
            guard let detached = try handle?.claim(interface) else { throw closed("claim interface \(number)") }
            claimed[interface] = detached
        #else
            throw closed("claim interface \(number)")
        #endif
    }

    /// `libusb_release_interface` (re-attaching a kernel driver detached by hand).
    package func releaseInterface(_ number: Int) throws(USBError) {
        let interface = try Self.interfaceNumber(number)
        #if canImport(CLibUSB)
            guard let detached = claimed.removeValue(forKey: interface) else {
                throw USBError(kind: .notFound, operation: "release interface \(number): not claimed")
            }
            guard handle != nil else { throw closed("release interface \(number)") }
            try handle?.release(interface, reattachingKernelDriver: detached)
        #else
            throw closed("release interface \(number)")
        #endif
    }

    /// `libusb_bulk_transfer` to an OUT endpoint.
    @discardableResult
    package func bulkTransferOut(to endpoint: USBEndpointAddress, from bytes: UnsafeRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    {
        guard !endpoint.isInput else {
            throw USBError(kind: .invalidParameter, operation: "bulk OUT on \(endpoint): an IN endpoint")
        }
        #if canImport(CLibUSB)
            // libusb takes one non-const pointer for both directions; it only reads an OUT buffer.
            let buffer = UnsafeMutableRawBufferPointer(mutating: bytes)
            guard
                let count = try handle?.bulkTransfer(
                    endpoint.rawValue, buffer, timeoutMilliseconds: timeout.libusbTimeoutMilliseconds)
            else { throw closed("bulk OUT on \(endpoint)") }
            return count
        #else
            throw closed("bulk OUT on \(endpoint)")
        #endif
    }

    /// `libusb_bulk_transfer` from an IN endpoint.
    package func bulkTransferIn(from endpoint: USBEndpointAddress, into buffer: UnsafeMutableRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    {
        guard endpoint.isInput else {
            throw USBError(kind: .invalidParameter, operation: "bulk IN on \(endpoint): an OUT endpoint")
        }
        #if canImport(CLibUSB)
            guard
                let count = try handle?.bulkTransfer(
                    endpoint.rawValue, buffer, timeoutMilliseconds: timeout.libusbTimeoutMilliseconds)
            else { throw closed("bulk IN on \(endpoint)") }
            return count
        #else
            throw closed("bulk IN on \(endpoint)")
        #endif
    }

    /// `libusb_control_transfer`.
    @discardableResult
    package func controlTransfer(_ setup: USBControlSetup, data: UnsafeMutableRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    {
        #if canImport(CLibUSB)
            guard let count = try handle?.controlTransfer(setup, data, timeoutMilliseconds: timeout.libusbTimeoutMilliseconds)
            else { throw closed("control request \(setup.request)") }
            return count
        #else
            throw closed("control request \(setup.request)")
        #endif
    }

    /// `libusb_clear_halt`.
    package func clearHalt(_ endpoint: USBEndpointAddress) throws(USBError) {
        #if canImport(CLibUSB)
            guard handle != nil else { throw closed("clear halt of \(endpoint)") }
            try handle?.clearHalt(endpoint.rawValue)
        #else
            throw closed("clear halt of \(endpoint)")
        #endif
    }

    /// `libusb_release_interface` for each claimed interface, then `libusb_close`.
    package func close() {
        #if canImport(CLibUSB)
            for (interface, detached) in claimed.sorted(by: { $0.key < $1.key }) {
                try? handle?.release(interface, reattachingKernelDriver: detached)
            }
            claimed = [:]
            handle = nil
        #endif
    }

    private func closed(_ operation: String) -> USBError {
        #if canImport(CLibUSB)
            USBError(kind: .notFound, operation: "\(operation): the device handle was closed")
        #else
            USBError(kind: .unavailableOnPlatform, operation: "\(operation): built without libusb (not Linux)")
        #endif
    }

    private static func interfaceNumber(_ number: Int) throws(USBError) -> Int32 {
        guard let interface = Int32(exactly: number), interface >= 0 else {
            throw USBError(kind: .invalidParameter, operation: "interface \(number)")
        }
        return interface
    }
}
