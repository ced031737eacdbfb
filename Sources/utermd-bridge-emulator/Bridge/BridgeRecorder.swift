import HAL
import Platform
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Writes what the emulated bridge did as JSON lines, one `write(2)` per line so a line is
/// on disk (the bench's 9p share) as soon as the event happened and a killed emulator leaves
/// whole lines only.
///
/// The **states** file has one line per change of the applied state (`power_up`, `latch`,
/// `reset`, `power_cycle`), and lines for `start`, `bind`, `enable`, `disable`, `stop`:
///
/// ```json
/// {"event":"latch","monotonic_ns":123,"realtime_ns":456,"sequence":7,"slot":1,"latch_count":3,
///  "elements":1280,"codes_crc32c":"0x1a2b3c4d","phase_codes":"00017f...","gain_codes":"7f7f..."}
/// ```
///
/// `phase_codes` / `gain_codes` hold two hex digits per element, in element order.
/// `codes_crc32c` is the CRC-32C (`CRC32C`) of the applied codes as a load payload carries
/// them: phase, gain, phase, gain, ... — the bytes of a `[BeamformerChannelCode]` — so a
/// reader compares it with the steering it computed without decoding the hex. The other
/// state lines (all codes zero) have the same fields with `slot` null. `monotonic_ns` is CLOCK_MONOTONIC
/// of the bench's kernel, the clock the firmware's own timestamps use there.
///
/// The optional **frames** file has one line per request: sequence, command, status, size,
/// whether it was a retry, and the time from the request's arrival to its reply's hand-off
/// to the kernel.
final class BridgeRecorder: @unchecked Sendable {
    // @unchecked: the descriptors are immutable; lines are written by whoever holds the
    // emulator's state lock, so writes never interleave.
    private let statesDescriptor: Int32
    private let framesDescriptor: Int32?

    /// Opens (truncates) the states file and, when given, the frames file.
    init(statesPath: String, framesPath: String?) throws(FunctionFSError) {
        statesDescriptor = try Self.create(statesPath)
        framesDescriptor = try framesPath.map { path throws(FunctionFSError) in try Self.create(path) }
    }

    deinit {
        #if canImport(Glibc)
            close(statesDescriptor)
            if let framesDescriptor { close(framesDescriptor) }
        #endif
    }

    /// A line for an event without codes (`start`, `power_cycle`, `stop`, ...).
    func note(_ event: String, fields: String = "") {
        let extra = fields.isEmpty ? "" : "," + fields
        append("{\"event\":\"\(event)\",\(Self.clocks())\(extra)}", to: statesDescriptor)
    }

    /// A line with the applied state: `latch`, `reset`, `power_up` or `power_cycle` (the last
    /// three with every code zero and `slot` null).
    func applied(_ bridge: EmulatedBridge, event: String, sequence: UInt16) {
        let codes = bridge.appliedCodes
        let crc = codes.withUnsafeBytes { CRC32C.checksum($0) }
        // Hex digits straight into byte buffers: a line is 5 KB for 1280 elements, written
        // at every latch, and the bench runs under TCG where per-character strings cost.
        var phaseDigits = [UInt8](repeating: 0, count: 2 * codes.count)
        var gainDigits = [UInt8](repeating: 0, count: 2 * codes.count)
        for (index, code) in codes.enumerated() {
            phaseDigits[2 * index] = Self.digits[Int(code.phaseCode >> 4)]
            phaseDigits[2 * index + 1] = Self.digits[Int(code.phaseCode & 0x0F)]
            gainDigits[2 * index] = Self.digits[Int(code.gainCode >> 4)]
            gainDigits[2 * index + 1] = Self.digits[Int(code.gainCode & 0x0F)]
        }
        let phases = String(decoding: phaseDigits, as: UTF8.self)
        let gains = String(decoding: gainDigits, as: UTF8.self)
        let slot = bridge.appliedSlot.map { "\($0)" } ?? "null"
        append(
            "{\"event\":\"\(event)\",\(Self.clocks()),\"sequence\":\(sequence),\"slot\":\(slot),"
                + "\"latch_count\":\(bridge.latchCount),\"elements\":\(codes.count),"
                + "\"codes_crc32c\":\"0x\(String(crc, radix: 16))\",\"phase_codes\":\"\(phases)\",\"gain_codes\":\"\(gains)\"}",
            to: statesDescriptor)
    }

    /// A line for one request in the frames file (when there is one).
    func frame(_ outcome: EmulatedBridge.Outcome, byteCount: Int, handlingNanoseconds: UInt64) {
        guard let framesDescriptor else { return }
        let command =
            BeamformerBridgeCommand(rawValue: outcome.commandCode)?.description ?? "0x\(String(outcome.commandCode, radix: 16))"
        append(
            "{\(Self.clocks()),\"sequence\":\(outcome.sequence),\"command\":\"\(command)\",\"bytes\":\(byteCount),"
                + "\"status\":\"\(outcome.reply.status)\",\"detail\":\(outcome.reply.detail),\"retry\":\(outcome.isRetry),"
                + "\"handling_ns\":\(handlingNanoseconds)}",
            to: framesDescriptor)
    }

    /// CLOCK_MONOTONIC or CLOCK_REALTIME now, in nanoseconds (Platform's clocks).
    static func nowNanoseconds(realtime: Bool = false) -> UInt64 {
        realtime
            ? UInt64(truncatingIfNeeded: MonotonicTime.realtimeAndMonotonicNanoseconds().realtimeNanoseconds)
            : MonotonicTime.unsignedNanoseconds()
    }

    private static func clocks() -> String {
        "\"monotonic_ns\":\(nowNanoseconds()),\"realtime_ns\":\(nowNanoseconds(realtime: true))"
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private func append(_ line: String, to descriptor: Int32) {
        #if canImport(Glibc)
            // A full disk loses the line, not the bridge.
            _ = Array((line + "\n").utf8).withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
        #endif
    }

    private static func create(_ path: String) throws(FunctionFSError) -> Int32 {
        #if canImport(Glibc)
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FunctionFSError(operation: "create \(path)", errno: .last) }
            return fd
        #else
            throw FunctionFSError(operation: "create \(path) (Linux-only)", errno: nil)
        #endif
    }
}
