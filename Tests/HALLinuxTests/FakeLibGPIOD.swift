#if os(Linux)
    import Foundation
    import HAL
    @testable import HALLinux

    /// A stand-in for libgpiod (HALLinux's call table, the same for 1.x and 2.x) that records
    /// every call as a line of text, so tests can assert the exact sequence HALLinux makes (the
    /// mocking approach of swift-system).
    /// Chips are files named `gpiochipN` in a temporary directory, as `LibGPIOD.chipPaths` finds them.
    final class FakeLibGPIOD {
        struct Chip {
            var label: String
            var lineCount: Int
            /// errno of `gpiod_chip_open`, or 0 when it opens.
            var openErrno: Int32 = 0
        }

        let directory: String
        private(set) var log: [String] = []
        private let chips: [Chip]
        /// errno to fail the next call of this name with (e.g. `"set"`).
        var failNext: [String: Int32] = [:]
        /// Values the fake lines report, by offset.
        var lineValues: [UInt32: Int32] = [:]
        /// Events waiting to be read, oldest first.
        var pendingEvents: [GPIODEvent] = []
        /// Lines some other consumer holds, by offset (on every chip): the consumer's name.
        var heldLines: [UInt32: String] = [:]
        /// How many further waits are interrupted by a signal before one succeeds.
        var interruptedWaits = 0

        init(chips: [Chip]) throws {
            self.chips = chips
            directory = NSTemporaryDirectory() + "utermd-fake-gpiod-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for index in chips.indices {
                _ = FileManager.default.createFile(atPath: directory + "/gpiochip\(index)", contents: nil)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        // Pointers encode which chip and line they stand for; they are never dereferenced.
        private func chipPointer(_ index: Int) -> OpaquePointer? { OpaquePointer(bitPattern: (index + 1) << 16) }
        private func linePointer(_ chip: OpaquePointer, _ offset: UInt32) -> OpaquePointer? {
            OpaquePointer(bitPattern: Int(bitPattern: UnsafeRawPointer(chip)) | Int(offset + 1))
        }
        private func chipIndex(_ pointer: OpaquePointer) -> Int { Int(bitPattern: UnsafeRawPointer(pointer)) >> 16 - 1 }
        private func chipName(_ pointer: OpaquePointer) -> String { "gpiochip\(chipIndex(pointer))" }
        private func offset(_ line: OpaquePointer) -> UInt32 { UInt32(Int(bitPattern: UnsafeRawPointer(line)) & 0xFFFF - 1) }
        private func lineName(_ line: OpaquePointer) -> String { "gpiochip\(chipIndex(line)):\(offset(line))" }

        private func status(_ call: String, success: Int32 = 0) -> GPIODStatus {
            if let code = failNext.removeValue(forKey: call) { return GPIODStatus(value: -1, errno: code) }
            return GPIODStatus(value: success)
        }

        static func describe(_ flags: GPIODRequestFlags) -> String {
            let names: [(GPIODRequestFlags, String)] = [
                (.activeLow, "active_low"), (.biasDisable, "bias_disable"), (.biasPullUp, "pull_up"),
                (.biasPullDown, "pull_down"),
            ]
            let set = names.filter { flags.contains($0.0) }.map(\.1)
            return set.isEmpty ? "none" : set.joined(separator: "|")
        }

        var calls: GPIODCalls {
            GPIODCalls(
                chipOpen: { [unowned self] path in
                    let name = String(path.split(separator: "/").last ?? "")
                    log.append("open \(name)")
                    guard let index = Int(name.dropFirst(8)), chips.indices.contains(index) else {
                        return (nil, GPIODStatus(value: -1, errno: ENODEV))
                    }
                    let failure = chips[index].openErrno
                    return failure == 0
                        ? (chipPointer(index), GPIODStatus(value: 0)) : (nil, GPIODStatus(value: -1, errno: failure))
                },
                chipName: { [unowned self] in chipName($0) },
                chipLabel: { [unowned self] in
                    log.append("label \(chipName($0))")
                    return chips[chipIndex($0)].label
                },
                chipLineCount: { [unowned self] in
                    log.append("num_lines \(chipName($0))")
                    return chips[chipIndex($0)].lineCount
                },
                chipClose: { [unowned self] in log.append("close \(chipName($0))") },
                lineUsage: { [unowned self] chip, offset in
                    log.append("line_info \(chipName(chip)) \(offset)")
                    let holder = heldLines[offset]
                    return (GPIODLineUsage(used: holder != nil, consumer: holder ?? ""), GPIODStatus(value: 0))
                },
                requestLine: { [unowned self] chip, offset, consumer, mode, flags in
                    let line = linePointer(chip, offset)!
                    let what =
                        switch mode {
                        case .output(let safeState): "request_output"
                            + " \(lineName(line)) consumer=\(consumer) flags=\(Self.describe(flags)) default=\(safeState == .active ? 1 : 0)"
                        case .input: "request_input \(lineName(line)) consumer=\(consumer) flags=\(Self.describe(flags))"
                        case .bothEdgeEvents:
                            "request_both_edges \(lineName(line)) consumer=\(consumer) flags=\(Self.describe(flags))"
                        }
                    log.append(what)
                    let result = status("request")
                    return (result.value == 0 ? GPIODLineHandle(pointer: line, offset: offset) : nil, result)
                },
                lineSetValue: { [unowned self] line, value in
                    log.append("set \(lineName(line.pointer)) \(value)")
                    let result = status("set")
                    if result.value == 0 { lineValues[line.offset] = value }
                    return result
                },
                lineGetValue: { [unowned self] line in
                    log.append("get \(lineName(line.pointer))")
                    let result = status("get")
                    return result.value == 0 ? GPIODStatus(value: lineValues[line.offset] ?? 0) : result
                },
                lineEventWait: { [unowned self] line, nanoseconds in
                    log.append("event_wait \(lineName(line.pointer)) \(nanoseconds == 0 ? "0" : "timeout")")
                    if interruptedWaits > 0 {
                        interruptedWaits -= 1
                        return GPIODStatus(value: -1, errno: EINTR)
                    }
                    return status("wait", success: pendingEvents.isEmpty ? 0 : 1)
                },
                lineEventRead: { [unowned self] line in
                    log.append("event_read \(lineName(line.pointer))")
                    guard !pendingEvents.isEmpty else {
                        return (GPIODStatus(value: -1, errno: EAGAIN), GPIODEvent(rising: false, timestampNanoseconds: 0))
                    }
                    return (GPIODStatus(value: 0), pendingEvents.removeFirst())
                },
                lineRelease: { [unowned self] in log.append("release \(lineName($0.pointer))") },
                errorText: { String(cString: strerror($0)) })
        }
    }
#endif
