import Platform
import SystemPackage
#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call on a FunctionFS file, with its errno.
struct FunctionFSError: Error, CustomStringConvertible {
    /// What was attempted, e.g. `read /run/hil-ffs/beamformer/ep5`.
    var operation: String
    /// The errno the call left (nil where there is no such call: FunctionFS is Linux-only).
    var errno: Errno?

    /// `read .../ep5: Cannot send after transport endpoint shutdown (errno 108)`.
    var description: String { errno.map { "\(operation): \($0.report)" } ?? operation }

    /// The endpoint is not enabled (no configuration selected, or the gadget was unbound):
    /// `ESHUTDOWN`, as `f_fs.c` reports it to a transfer in flight.
    var isShutdown: Bool {
        #if canImport(Glibc)
            errno == Errno(rawValue: ESHUTDOWN)
        #else
            false
        #endif
    }
}

/// An open file of a FunctionFS mount (`ep0` or an endpoint), closed in `deinit`.
///
/// The only place where the emulator makes system calls on FunctionFS; every call retries
/// on `EINTR` (through Platform's `SystemCall`). Reads and writes block: on an endpoint a read waits
/// until the host sends a transfer, and until the function is enabled before that.
final class FunctionFSFile: @unchecked Sendable {
    // @unchecked: the descriptor is immutable after init and each instance is used by one
    // thread at a time (ep0 by the event loop, endpoints by the bulk loop).
    let path: String
    private let descriptor: Int32

    /// Opens `path` for reading and writing (`open(2)` with `O_RDWR`).
    init(path: String) throws(FunctionFSError) {
        self.path = path
        #if canImport(Glibc)
            let fd = Self.retrying { open(path, O_RDWR | O_CLOEXEC) }
            guard fd >= 0 else { throw FunctionFSError(operation: "open \(path)", errno: .last) }
            descriptor = fd
        #else
            throw FunctionFSError(operation: "open \(path) (FunctionFS is Linux-only)", errno: nil)
        #endif
    }

    deinit {
        #if canImport(Glibc)
            close(descriptor)
        #endif
    }

    /// `read(2)` into `buffer`; returns the bytes read (one transfer on an endpoint).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FunctionFSError) -> Int {
        #if canImport(Glibc)
            let count = Self.retrying { Glibc.read(descriptor, buffer.baseAddress, buffer.count) }
            guard count >= 0 else { throw FunctionFSError(operation: "read \(path)", errno: .last) }
            return count
        #else
            throw FunctionFSError(operation: "read \(path)", errno: nil)
        #endif
    }

    /// `write(2)` of all of `bytes` in one call (one transfer on an endpoint; on `ep0` one
    /// descriptor or string blob).
    func write(_ bytes: UnsafeRawBufferPointer) throws(FunctionFSError) {
        #if canImport(Glibc)
            let count = Self.retrying { Glibc.write(descriptor, bytes.baseAddress, bytes.count) }
            guard count >= 0 else { throw FunctionFSError(operation: "write \(path)", errno: .last) }
            guard count == bytes.count else {
                throw FunctionFSError(operation: "write \(path): \(count) of \(bytes.count) bytes", errno: .ioError)
            }
        #else
            throw FunctionFSError(operation: "write \(path)", errno: nil)
        #endif
    }

    /// Writes `bytes` (a convenience over the buffer form).
    func write(_ bytes: [UInt8]) throws(FunctionFSError) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(FunctionFSError) in try write(buffer) } }.get()
    }

    /// The maximum packet size of this endpoint at the speed in use, from
    /// `ioctl(FUNCTIONFS_ENDPOINT_DESC)`; waits until the function is enabled (a blocking
    /// file, `f_fs.c` `ffs_epfile_wait_ep`).
    func maximumPacketSize() throws(FunctionFSError) -> Int {
        #if canImport(Glibc)
            // _IOR('g', 130, struct usb_endpoint_descriptor): the packed descriptor is 9 bytes
            // (include/uapi/linux/usb/ch9.h, with the two audio-only fields).
            let request: UInt = (2 << 30) | (9 << 16) | (UInt(UInt8(ascii: "g")) << 8) | 130
            var descriptor = [UInt8](repeating: 0, count: 9)
            let result = descriptor.withUnsafeMutableBytes { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return Self.retrying { ioctl(self.descriptor, request, base) }
            }
            guard result >= 0 else {
                throw FunctionFSError(operation: "ioctl FUNCTIONFS_ENDPOINT_DESC \(path)", errno: .last)
            }
            // wMaxPacketSize bits 10...0 (USB 2.0 §9.6.6).
            return (Int(descriptor[4]) | Int(descriptor[5]) << 8) & 0x7FF
        #else
            throw FunctionFSError(operation: "ioctl \(path)", errno: nil)
        #endif
    }

    /// Refuses the control request just read from `ep0` with a stall: FunctionFS stalls when
    /// the data stage goes the wrong way (a read for a device-to-host request, a write for a
    /// host-to-device one), as `Documentation/usb/functionfs.rst` describes. The call fails
    /// with `EL2HLT` by design; that error is the stall, not a fault.
    func stallControlRequest(deviceToHost: Bool) {
        #if canImport(Glibc)
            var byte: UInt8 = 0
            if deviceToHost {
                _ = Glibc.read(descriptor, &byte, 0)
            } else {
                _ = Glibc.write(descriptor, &byte, 0)
            }
        #endif
    }

    /// `call` retried on EINTR by Platform's `SystemCall`; a failure returns -1 with `errno`
    /// left as the call set it, for the throwing sites above.
    private static func retrying<T: FixedWidthInteger & SignedInteger>(_ call: () -> T) -> T {
        switch SystemCall.retryingOnInterrupt(call) {
        case .success(let value): return value
        case .failure: return -1
        }
    }
}
