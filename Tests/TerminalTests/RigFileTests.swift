import Foundation
import HAL
import Testing

@testable import Simulation
@testable import Terminal

@Suite struct RigFileTests {
    @Test func theRepositoryRigsLoad() throws {
        let simulated = try RigFile.load(path: RepositoryFiles.path("HIL/rigs/sim.yaml"))
        #expect(simulated.bench == .simulated)
        #expect(simulated.beamformerReplyTimeout == nil)
        let vm = try RigFile.load(path: RepositoryFiles.path("HIL/rigs/vm.yaml"))
        #expect(vm.bench == .vm)
        #expect(vm.wires.map(\.input) == [GPIORole.transmitEnableSense])
        #expect(vm.beamformerReplyTimeout == .milliseconds(500), "TCG round trips need more than the driver's 20 ms")
        #expect(FileManager.default.fileExists(atPath: vm.boardPath))
    }

    @Test func anImpossibleReplyTimeoutIsNamed() throws {
        let path = NSTemporaryDirectory() + "utermd-rig-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            format: 1
            rig: broken
            board: Boards/sim.yaml
            bench: vm
            usb:
              beamformer: { id: "1209:0001", reply_timeout_ms: 0 }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: DataFileErrors.self) { try RigFile.load(path: path) }
        #expect(error?.description.contains("reply_timeout_ms") == true)
        #expect(error?.description.contains(path) == true)
    }
}
