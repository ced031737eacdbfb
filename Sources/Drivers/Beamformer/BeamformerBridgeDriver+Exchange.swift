import HAL

extension BeamformerBridgeDriver {
    /// Statuses meaning the request reached the bridge damaged (it executed nothing), so
    /// sending the same frame again is right.
    static var damagedRequestStatuses: Set<BeamformerBridgeStatus> { [.badMagic, .badCRC, .truncated, .lengthMismatch] }

    /// Replies to earlier requests skipped before giving up on one exchange.
    static var maximumStaleReplies: Int { 4 }

    /// Sends the request `encode` writes (given the sequence and the buffer), waits for its
    /// acknowledgement, retries once; returns the acknowledgement of a success.
    func exchange(
        _ command: BeamformerBridgeCommand, on device: Backend.Device,
        encode: (UInt16, UnsafeMutableRawBufferPointer) throws(BeamformerBridgeFrameError) -> Int
    ) throws(BeamformerBridgeError) -> BeamformerBridgeAcknowledgement {
        let sequence = takeSequence()
        let length: Int
        do {
            length = try withTransmitBuffer { buffer throws(BeamformerBridgeFrameError) in try encode(sequence, buffer) }
        } catch {
            throw .invalidSteering(error)
        }
        var failure: BeamformerBridgeError
        do {
            return try attempt(command, sequence: sequence, frameLength: length, on: device)
        } catch {
            failure = error
        }
        guard isWorthRetrying(failure) else { throw failure }
        if case .usb(let error) = failure, error.kind == .stall {
            try? device.clearHalt(BeamformerBridgeProtocol.requestEndpoint)
            try? device.clearHalt(BeamformerBridgeProtocol.replyEndpoint)
        }
        noteRetry()
        return try attempt(command, sequence: sequence, frameLength: length, on: device)
    }

    private func isWorthRetrying(_ error: BeamformerBridgeError) -> Bool {
        switch error {
        case .usb(let usb): usb.kind == .timeout || usb.kind == .stall || usb.kind == .overflow || usb.kind == .io
        case .frame, .unexpectedReply: true
        case .refused(_, let status, _): Self.damagedRequestStatuses.contains(status)
        case .tooFewElements, .invalidSteering: false
        }
    }

    /// One try: send the frame, read replies until this request's acknowledgement.
    private func attempt(_ command: BeamformerBridgeCommand, sequence: UInt16, frameLength: Int, on device: Backend.Device)
        throws(BeamformerBridgeError) -> BeamformerBridgeAcknowledgement
    {
        try send(frameLength, on: device)
        for _ in 0...Self.maximumStaleReplies {
            let frame = try receive(on: device)
            if frame.sequence != sequence {
                let age = sequence &- frame.sequence
                guard age > 0, age < 0x8000 else {
                    noteRejectedReply()
                    throw .frame(.wrongSequence(expected: sequence, received: frame.sequence))
                }
                noteRejectedReply()  // a late answer to an earlier request: skip it
                continue
            }
            guard case .acknowledgement(let ack) = frame.message, ack.acknowledgedCommandCode == command.rawValue else {
                noteRejectedReply()
                throw .unexpectedReply(expected: command, receivedCommandCode: frame.message.command.rawValue)
            }
            guard ack.status == .ok else {
                noteRejectedReply()
                throw .refused(command, status: ack.status, detail: ack.detail)
            }
            return ack
        }
        throw .frame(.wrongSequence(expected: sequence, received: sequence &- 1))
    }
}
