import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `utermd-bridge-emulator`: the beamformer bridge of the virtual HIL bench (HIL/vm), on
/// both ends of a real USB link inside the bench's kernel.
@main
struct BridgeEmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utermd-bridge-emulator",
        abstract: "The beamformer bridge of the virtual HIL bench, as a USB device through FunctionFS.",
        discussion: """
            `serve` is the device: HIL/vm/bench-up.sh starts it on a FunctionFS mount of a configfs \
            gadget on dummy_hcd. `exercise` is the host: it opens the device with libusb as the \
            firmware does and checks the protocol, then lets the firmware's own driver latch a beam. \
            Both need Linux; the protocol is BeamformerBridgeProtocol in the HAL module.
            """,
        subcommands: [ServeCommand.self, ExerciseCommand.self],
        defaultSubcommand: ServeCommand.self)
}

/// `utermd-bridge-emulator serve`: the device side.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the bridge protocol on a FunctionFS mount until SIGTERM.",
        discussion: """
            Writes the descriptors (bulk OUT 0x01, bulk IN 0x81 on interface 0) and strings to ep0, \
            creates --ready, and answers every request frame. Each change of the applied beam \
            state is a JSON line in --states (see BridgeRecorder); --frames logs every request.
            """)

    @Option(help: "The FunctionFS mount of the gadget's function (holds ep0).")
    var functionfs: String

    @Option(help: "Where to record the applied beam states (JSON lines; truncated first).")
    var states: String

    @Option(help: "Where to log every request frame (JSON lines), if anywhere.")
    var frames: String?

    @Option(help: "A file to create once the descriptors are written (the gadget may then be bound).")
    var ready: String?

    @Option(help: "Elements the bridge drives (whole chips of four).")
    var elements = 1280

    @Flag(help: "Keep the beam states when the gadget is unbound (a self-powered bridge); default: lose them.")
    var keepStateOnUnplug = false

    func validate() throws {
        guard elements > 0, elements <= Int(UInt16.max) else { throw ValidationError("--elements must be 1...65535") }
    }

    func run() throws {
        #if os(Linux)
            let recorder: BridgeRecorder
            do {
                recorder = try BridgeRecorder(statesPath: states, framesPath: frames)
            } catch {
                BridgeEmulator.log("\(error)")
                throw ExitCode(1)
            }
            let emulator = BridgeEmulator(
                functionFS: functionfs, elementCount: elements, recorder: recorder, powerCycleOnUnbind: !keepStateOnUnplug)
            Self.stopOnSignal(emulator)
            do {
                try emulator.run(readyPath: ready)
            } catch {
                BridgeEmulator.log("\(error)")
                throw ExitCode(1)
            }
        #else
            BridgeEmulator.log("FunctionFS is a Linux kernel interface: serve runs on Linux only")
            throw ExitCode(1)
        #endif
    }

    /// SIGTERM and SIGINT are blocked in every thread and taken by one that waits for them
    /// (`sigwait`), so the stop is recorded with ordinary code, not in a signal handler.
    private static func stopOnSignal(_ emulator: BridgeEmulator) {
        #if os(Linux)
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGTERM)
            sigaddset(&signals, SIGINT)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            let blocked = signals
            Thread.detachNewThread {
                var set = blocked
                var received: Int32 = 0
                sigwait(&set, &received)
                emulator.recordStop()
                BridgeEmulator.log("stopped by signal \(received): \(emulator.summary())")
                Foundation.exit(0)
            }
        #endif
    }
}
