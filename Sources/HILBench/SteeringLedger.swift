import Foundation
import HAL
import Platform

/// Every distinct steering the firmware posted to the beamformer driver during a run, as the
/// CRC-32C of its channel codes (the bytes a load payload carries) — to check the bridge's
/// record of applied states against: each state the bridge latched must be one the firmware
/// computed, in the order it computed them.
package struct SteeringLedger {
    /// CRC → the positions where it was recorded.
    private var positions: [UInt32: [Int]] = [:]
    private var previous: [BeamformerChannelCode] = []
    /// Distinct steerings recorded (consecutive repeats counted once).
    package private(set) var count = 0

    /// An empty ledger.
    package init() {}

    /// Records `codes` when they differ from the last recorded.
    package mutating func record(_ codes: UnsafeBufferPointer<BeamformerChannelCode>) {
        guard let source = codes.baseAddress else { return }
        if previous.count == codes.count {
            let same = previous.withUnsafeBytes { bytes in bytes.baseAddress.map { memcmp($0, source, bytes.count) == 0 } ?? true }
            if same { return }
            previous.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: source, count: codes.count) }
        } else {
            previous = Array(codes)
        }
        let crc = CRC32C.checksum(UnsafeRawBufferPointer(codes))
        positions[crc, default: []].append(count)
        count += 1
    }


    /// Compares the bridge's latches with the ledger.
    package func verify(latches: [UInt32]) -> SteeringCheck {
        var check = SteeringCheck(latches: latches.count, computed: count)
        var last = -1
        for crc in latches {
            guard let recorded = positions[crc] else {
                check.unknown.append(crc)
                continue
            }
            if let next = recorded.first(where: { $0 >= last }) {
                last = next
            } else {
                check.outOfOrder += 1
            }
        }
        return check
    }
}

/// The bridge's applied states against the firmware's steering.
package struct SteeringCheck: Sendable {
    /// Latches the bridge recorded.
    package var latches: Int
    /// Distinct steerings the firmware computed.
    package var computed: Int
    /// Latched states the firmware never computed (CRC-32C).
    package var unknown: [UInt32] = []
    /// Latches of a steering older than one latched before (the driver must only move on).
    package var outOfOrder = 0

    /// Whether the bridge latched something and only what the firmware computed, in order.
    package var passed: Bool { latches > 0 && unknown.isEmpty && outOfOrder == 0 }

    /// In words.
    package var detail: String {
        var text = "\(latches) latches recorded by the emulator, all among the \(computed) steerings computed"
        if !unknown.isEmpty {
            text = "\(latches) latches, \(unknown.count) never computed (first CRC-32C 0x\(String(unknown[0], radix: 16)))"
        }
        if outOfOrder > 0 { text += ", \(outOfOrder) out of order" }
        return text
    }
}

/// Reads the bridge emulator's record of applied states (`utermd-bridge-emulator --states`).
package enum BridgeStateRecord {
    /// The `codes_crc32c` of every `latch` line from byte `offset` on, and how many
    /// `power_cycle` lines there were (a replug powers the bridge up again).
    package static func latches(path: String, fromOffset offset: UInt64) throws -> (crcs: [UInt32], powerCycles: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw VMBenchError("cannot read the bridge record \(path)") }
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let data = handle.readDataToEndOfFile()
        var crcs: [UInt32] = []
        var powerCycles = 0
        let key = Data(#""codes_crc32c":"0x"#.utf8)
        let latch = Data(#"{"event":"latch""#.utf8)
        let powerCycle = Data(#"{"event":"power_cycle""#.utf8)
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if line.starts(with: powerCycle) { powerCycles += 1 }
            guard line.starts(with: latch), let found = line.range(of: key) else { continue }
            let digits = line[found.upperBound...].prefix { $0 != UInt8(ascii: "\"") }
            guard let crc = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
                throw VMBenchError("\(path): a latch line with a malformed codes_crc32c")
            }
            crcs.append(crc)
        }
        return (crcs, powerCycles)
    }

    /// The size of the record now (read from there after the run).
    package static func size(path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}
