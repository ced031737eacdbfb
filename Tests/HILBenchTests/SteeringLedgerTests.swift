import Foundation
import HAL
import Platform
import Testing

@testable import HILBench

@Suite struct SteeringLedgerTests {
    private func codes(_ phase: UInt8, count: Int = 16) -> [BeamformerChannelCode] {
        (0..<count).map { BeamformerChannelCode(phaseCode: UInt8((Int(phase) + $0) % 128), gainCode: 127) }
    }

    private func crc(_ codes: [BeamformerChannelCode]) -> UInt32 { codes.withUnsafeBytes { CRC32C.checksum($0) } }

    private func record(_ ledger: inout SteeringLedger, _ codes: [BeamformerChannelCode]) {
        codes.withUnsafeBufferPointer { ledger.record($0) }
    }

    @Test func latchesOfComputedSteeringInOrderPass() {
        var ledger = SteeringLedger()
        let a = codes(1), b = codes(2), c = codes(3)
        for steering in [a, a, b, c] { record(&ledger, steering) }
        #expect(ledger.count == 3, "a repeated steering counts once")
        let check = ledger.verify(latches: [crc(a), crc(c)])
        #expect(check.passed, "the driver may skip steerings: it loads the newest")
        #expect(check.detail.contains("2 latches"))
    }

    @Test func aSteeringComingBackIsNotOutOfOrder() {
        var ledger = SteeringLedger()
        let a = codes(1), b = codes(2)
        for steering in [a, b, a] { record(&ledger, steering) }
        #expect(ledger.verify(latches: [crc(a), crc(b), crc(a)]).passed)
    }

    @Test func aStateNeverComputedFails() {
        var ledger = SteeringLedger()
        record(&ledger, codes(1))
        let check = ledger.verify(latches: [crc(codes(1)), crc(codes(9))])
        #expect(!check.passed)
        #expect(check.unknown == [crc(codes(9))])
        #expect(check.detail.contains("never computed"))
    }

    @Test func goingBackToAnOlderSteeringFails() {
        var ledger = SteeringLedger()
        let a = codes(1), b = codes(2)
        for steering in [a, b] { record(&ledger, steering) }
        let check = ledger.verify(latches: [crc(b), crc(a)])
        #expect(check.outOfOrder == 1)
        #expect(!check.passed)
    }

    @Test func noLatchAtAllFails() {
        var ledger = SteeringLedger()
        record(&ledger, codes(1))
        #expect(!ledger.verify(latches: []).passed)
    }
}

@Suite struct BridgeStateRecordTests {
    @Test func readsLatchesAndPowerCyclesFromAnOffset() throws {
        let sysfs = try FakeSysfs()
        let before = #"{"event":"latch","monotonic_ns":1,"sequence":1,"slot":0,"codes_crc32c":"0xdeadbeef","phase_codes":"00"}"# + "\n"
        let path = try sysfs.file("states.jsonl", before)
        let offset = BridgeStateRecord.size(path: path)
        #expect(offset == UInt64(before.utf8.count))
        let after = [
            #"{"event":"latch","monotonic_ns":2,"sequence":2,"slot":1,"codes_crc32c":"0x1a2b3c4d","phase_codes":"01"}"#,
            #"{"event":"power_cycle","monotonic_ns":3,"sequence":0,"slot":null,"codes_crc32c":"0x0","phase_codes":"00"}"#,
            #"{"event":"latch","monotonic_ns":4,"sequence":1,"slot":0,"codes_crc32c":"0xff","phase_codes":"02"}"#,
        ]
        try sysfs.file("states.jsonl", before + after.joined(separator: "\n") + "\n")
        let record = try BridgeStateRecord.latches(path: path, fromOffset: offset)
        #expect(record.crcs == [0x1a2b_3c4d, 0xff])
        #expect(record.powerCycles == 1)
    }

    @Test func aMalformedChecksumIsAnErrorNamingTheFile() throws {
        let sysfs = try FakeSysfs()
        let path = try sysfs.file("states.jsonl", #"{"event":"latch","codes_crc32c":"0xZZ"}"# + "\n")
        let error = #expect(throws: VMBenchError.self) { try BridgeStateRecord.latches(path: path, fromOffset: 0) }
        #expect(error?.description.contains(path) == true)
    }
}
