/// An open USB device: claim interfaces, then move bytes with bulk and control transfers.
///
/// Obtained from `USBBackend.openDevice(_:serialNumber:)`. Closing (explicitly or when the
/// last reference goes) releases the claimed interfaces and the device. Transfers are
/// synchronous and bounded by their timeout; a timeout is rounded up to whole milliseconds
/// (libusb's unit) and is at least 1 ms, since libusb reads 0 as "wait forever". Handles
/// are not thread-safe: use each from one thread.
package protocol USBDevice: AnyObject {
    /// The device's vendor:product.
    var identifier: USBIdentifier { get }
    /// The serial-number string descriptor, if the device has one.
    var serialNumber: String? { get }

    /// Claims interface `number` for this handle, detaching a kernel driver that holds it.
    /// Linux: `libusb_claim_interface` (with `libusb_set_auto_detach_kernel_driver`, or
    /// `libusb_detach_kernel_driver` where automatic detach is not supported).
    func claimInterface(_ number: Int) throws(USBError)
    /// Gives interface `number` back. Linux: `libusb_release_interface`.
    func releaseInterface(_ number: Int) throws(USBError)

    /// Sends `bytes` to the OUT `endpoint`; returns how many were sent (all, unless thrown).
    /// Linux: `libusb_bulk_transfer`.
    @discardableResult
    func bulkTransferOut(to endpoint: USBEndpointAddress, from bytes: UnsafeRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    /// Receives at most `buffer.count` bytes from the IN `endpoint`; returns how many came.
    /// Linux: `libusb_bulk_transfer`.
    func bulkTransferIn(from endpoint: USBEndpointAddress, into buffer: UnsafeMutableRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    /// A control transfer on endpoint 0; `data` is sent (OUT) or filled (IN) as the setup's
    /// direction says, and its size is `wLength`. Returns the bytes of the data stage.
    /// Linux: `libusb_control_transfer`.
    @discardableResult
    func controlTransfer(_ setup: USBControlSetup, data: UnsafeMutableRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    /// Clears a halt (stall) of `endpoint`. Linux: `libusb_clear_halt`.
    func clearHalt(_ endpoint: USBEndpointAddress) throws(USBError)
    /// Releases claimed interfaces and closes the device; afterwards transfers throw
    /// `notFound`. Idempotent. Linux: `libusb_release_interface`, `libusb_close`.
    func close()
}

extension USBDevice {
    /// Sends all of `bytes` to `endpoint`. Convenience over the buffer form.
    @discardableResult
    package func bulkWrite(_ bytes: [UInt8], to endpoint: USBEndpointAddress, timeout: Duration) throws(USBError) -> Int {
        // Array's buffer accessors rethrow untyped; carry the typed error out in a Result.
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(USBError) in try bulkTransferOut(to: endpoint, from: buffer, timeout: timeout) }
        }
        return try result.get()
    }

    /// Receives at most `maxLength` bytes from `endpoint`. Convenience over the buffer form
    /// (it allocates the result: not for the real-time tick).
    package func bulkRead(from endpoint: USBEndpointAddress, maxLength: Int, timeout: Duration) throws(USBError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: maxLength)
        let count = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(USBError) in try bulkTransferIn(from: endpoint, into: buffer, timeout: timeout) }
        }.get()
        bytes.removeSubrange(count...)
        return bytes
    }

    /// A control transfer with an IN data stage of at most `length` bytes; returns them.
    package func controlRead(_ setup: USBControlSetup, length: Int, timeout: Duration) throws(USBError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        let count = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(USBError) in try controlTransfer(setup, data: buffer, timeout: timeout) }
        }.get()
        bytes.removeSubrange(count...)
        return bytes
    }

    /// A control transfer with an OUT data stage carrying `bytes` (possibly none).
    package func controlWrite(_ setup: USBControlSetup, bytes: [UInt8], timeout: Duration) throws(USBError) {
        var copy = bytes
        _ = try copy.withUnsafeMutableBytes { buffer in
            Result { () throws(USBError) in try controlTransfer(setup, data: buffer, timeout: timeout) }
        }.get()
    }
}
