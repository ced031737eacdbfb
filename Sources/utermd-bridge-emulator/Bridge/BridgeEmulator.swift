import Foundation
import HAL
import Platform

#if canImport(Glibc)
    import Glibc
#endif

/// The emulated bridge as a USB device through FunctionFS: writes the descriptors and
/// strings to `ep0`, then serves the protocol on the bulk endpoints until SIGTERM/SIGINT.
///
/// Three threads, so that no side of the link can block another (as a microcontroller with
/// separate OUT and IN buffers would behave):
/// - the **request** thread reads the bulk OUT endpoint packet by packet, puts frames
///   together (`FrameAssembler`), lets `EmulatedBridge` execute each and queues the
///   acknowledgement;
/// - the **reply** thread writes queued acknowledgements to the bulk IN endpoint;
///   a write waits until the host reads, and a host that stops reading costs queued replies
///   (the oldest are dropped past `replyQueueLimit`), never requests;
/// - the **control** thread (the caller's) reads `ep0` events: an unbind (the bench pulling
///   the cable) power-cycles the bridge unless told to keep its state, and control requests
///   are refused with a stall (the bridge has none).
final class BridgeEmulator: @unchecked Sendable {
    // @unchecked: `bridge`, `replies` and the counters are touched only with `condition`
    // locked; the files and the recorder are immutable references used as their types say.
    private let functionFS: String
    private let recorder: BridgeRecorder
    private let powerCycleOnUnbind: Bool
    private let condition = ConditionLock()
    private var bridge: EmulatedBridge
    private var replies: [[UInt8]] = []
    private var requestCount = 0
    private var refusedCount = 0
    private var retryCount = 0
    private var droppedReplyCount = 0

    /// Replies kept for a host that does not read them; older ones are dropped.
    static let replyQueueLimit = 8

    /// An emulator serving the FunctionFS mount at `functionFS` for a bridge of
    /// `elementCount` elements, recording into `recorder`.
    init(functionFS: String, elementCount: Int, recorder: BridgeRecorder, powerCycleOnUnbind: Bool) {
        self.functionFS = functionFS
        self.recorder = recorder
        self.powerCycleOnUnbind = powerCycleOnUnbind
        bridge = EmulatedBridge(elementCount: elementCount)
    }

    /// Writes the descriptors and strings, opens the endpoints, creates `readyPath` (the
    /// bench binds the gadget to its controller only then), and serves until a signal.
    func run(readyPath: String?) throws(FunctionFSError) {
        let out = BeamformerBridgeProtocol.requestEndpoint.rawValue
        let `in` = BeamformerBridgeProtocol.replyEndpoint.rawValue
        let ep0 = try FunctionFSFile(path: functionFS + "/ep0")
        try ep0.write(FunctionFSDescriptors.descriptors(outAddress: out, inAddress: `in`))
        try ep0.write(FunctionFSDescriptors.strings(interfaceName: "utermd beamformer bridge"))
        func endpoint(_ address: UInt8) -> String {
            functionFS + "/" + (FunctionFSDescriptors.endpointFileName(address, outAddress: out, inAddress: `in`) ?? "ep0")
        }
        let requests = try FunctionFSFile(path: endpoint(out))
        let replies = try FunctionFSFile(path: endpoint(`in`))
        recorder.note("start", fields: "\"elements\":\(bridge.elementCount)")
        recorder.applied(bridge, event: "power_up", sequence: 0)
        Self.log("serving \(functionFS): \(bridge.elementCount) elements, endpoints \(requests.path) and \(replies.path)")

        Thread.detachNewThread { [self] in serveRequests(from: requests) }
        Thread.detachNewThread { [self] in serveReplies(to: replies) }
        if let readyPath, !FileManager.default.createFile(atPath: readyPath, contents: Data("\(getpid())\n".utf8)) {
            Self.log("cannot create \(readyPath); serving anyway")
        }
        serveControl(on: ep0)
    }

    /// A one-line account of the run, for the log at exit.
    func summary() -> String {
        condition.lock()
        defer { condition.unlock() }
        return "\(requestCount) requests, \(refusedCount) refused, \(retryCount) retries, "
            + "\(bridge.latchCount) latches since reset, \(droppedReplyCount) replies dropped"
    }

    /// Records the stop (called from the signal thread before exit).
    func recordStop() {
        condition.lock()
        defer { condition.unlock() }
        recorder.note("stop", fields: "\"requests\":\(requestCount),\"refused\":\(refusedCount),\"retries\":\(retryCount)")
    }

    // MARK: Threads

    private func serveRequests(from endpoint: FunctionFSFile) {
        var packet = [UInt8](repeating: 0, count: 1024)  // the largest bulk packet (SuperSpeed)
        var assembler = FrameAssembler()
        var packetSize = 0  // unknown until the function is enabled
        while true {
            let count: Int
            do {
                if packetSize == 0 { packetSize = min(try endpoint.maximumPacketSize(), packet.count) }
                let size = packetSize
                count = try packet.withUnsafeMutableBytes { bytes in
                    Result { () throws(FunctionFSError) in
                        try endpoint.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[0..<size]))
                    }
                }.get()
            } catch {
                // Not enabled (unplugged, unconfigured): a partial frame is lost, and the
                // next call waits for the enable (the speed may differ then).
                packetSize = 0
                assembler.reset()
                if !error.isShutdown {
                    Self.log("\(error)")
                    usleep(100_000)
                }
                continue
            }
            guard let request = assembler.add(packet[0..<count], isShort: count < packetSize) else { continue }
            handle(request)
        }
    }

    /// Executes one request and queues its acknowledgement.
    private func handle(_ request: [UInt8]) {
        let arrived = BridgeRecorder.nowNanoseconds()
        condition.lock()
        defer { condition.unlock() }
        let outcome = bridge.handle(request)
        requestCount += 1
        if outcome.reply.status != .ok { refusedCount += 1 }
        if outcome.isRetry { retryCount += 1 }
        if outcome.changedAppliedState {
            recorder.applied(bridge, event: bridge.appliedSlot == nil ? "reset" : "latch", sequence: outcome.sequence)
        }
        if let reply = try? BeamformerBridgeCodec.frame({ frame throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeAcknowledgement(outcome.reply, sequence: outcome.sequence, into: frame)
        }) {
            replies.append(reply)
            if replies.count > Self.replyQueueLimit {
                replies.removeFirst()
                droppedReplyCount += 1
            }
            condition.signal()
        }
        recorder.frame(outcome, byteCount: request.count, handlingNanoseconds: BridgeRecorder.nowNanoseconds() - arrived)
    }

    private func serveReplies(to endpoint: FunctionFSFile) {
        while true {
            condition.lock()
            while replies.isEmpty { condition.wait() }
            let reply = replies.removeFirst()
            condition.unlock()
            do {
                try endpoint.write(reply)
            } catch {
                // The host went away with the reply pending: it is lost, as on a real link.
                if !error.isShutdown { Self.log("\(error)") }
            }
        }
    }

    private func serveControl(on ep0: FunctionFSFile) {
        let eventBytes = FunctionFSEvent.byteCount
        var buffer = [UInt8](repeating: 0, count: 4 * eventBytes)
        while true {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { bytes in
                    Result { () throws(FunctionFSError) in try ep0.read(into: bytes) }
                }.get()
            } catch {
                Self.log("\(error)")
                usleep(100_000)
                continue
            }
            let events = buffer.withUnsafeBytes { bytes in
                stride(from: 0, to: count - count % eventBytes, by: eventBytes).map { FunctionFSEvent(bytes, at: $0) }
            }
            for event in events { handle(event, on: ep0) }
        }
    }

    private func handle(_ event: FunctionFSEvent, on ep0: FunctionFSFile) {
        switch event.kind {
        case .setup:
            ep0.stallControlRequest(deviceToHost: event.isDeviceToHost)
        case .unbind:
            condition.lock()
            if powerCycleOnUnbind {
                bridge.powerCycle()
                replies.removeAll()
                recorder.applied(bridge, event: "power_cycle", sequence: 0)
            } else {
                recorder.note("unbind")
            }
            condition.unlock()
        case .bind, .enable, .disable:
            recorder.note(event.description)
        case .suspend, .resume, nil:
            break
        }
        Self.log("ep0: \(event)")
    }

    // MARK: Helpers

    /// One line to stderr, prefixed with the program's name.
    static func log(_ message: String) {
        FileHandle.standardError.write(Data("utermd-bridge-emulator: \(message)\n".utf8))
    }
}
