import ArgumentParser
import Daemon
import Foundation
import HAL
import HALLinux
import HALSim
import Platform
import Terminal

/// `utermd run --config FILE`: the daemon (see `DaemonRunner` and Config/README.md).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the terminal as a daemon (systemd Type=notify, status API, metrics, rotctld).",
        discussion: """
            SIGTERM/SIGINT: transmit off, loop stopped, lines released, exit 0. SIGHUP (or POST /elements/reload for the \
            element sets alone): reload the policy, the log level and the element sets (newer elements for the satellites \
            tracked, without dropping the link; new satellites wait for a restart). POST /reboot: the same orderly stop, exit 75. A configuration that does not check out: exit 78. \
            Try it anywhere with `utermd run --config Config/sim.yaml`, then `curl http://127.0.0.1:9201/status`.
            """)

    @Option(help: "The configuration file (YAML, see Config/README.md).")
    var config: String

    func run() throws {
        let process: DaemonProcess
        switch DaemonProcess.prepare(configurationPath: config) {
        case .failure(let code): throw ExitCode(code.rawValue)
        case .success(let prepared): process = prepared
        }
        let code: DaemonExitCode
        do {
            switch process.configuration.hardware {
            case .simulated: code = try Self.runSimulated(process)
            case .linux: code = try Self.runLinux(process)
            }
        } catch {
            process.log(.critical, "hardware: \(error)")
            throw ExitCode(DaemonExitCode.failed.rawValue)
        }
        if code != .stopped { throw ExitCode(code.rawValue) }
    }

    /// How many transfers and latched states the simulated USB bus and bridge keep in `run`.
    static let simulatedDeviceRecordCount = 64

    /// The simulated board: lines in memory (transmit-enable wired to its sense input, as on
    /// a bench), a simulated beamformer bridge on a simulated USB bus, both on CLOCK_MONOTONIC.
    static func runSimulated(_ process: DaemonProcess) throws -> DaemonExitCode {
        let now: @Sendable () -> UInt64 = { MonotonicTime.unsignedNanoseconds() }
        let board = process.resources.board
        let profile = board.hardware
        let wires = profile.lines[.transmitEnableSense] == nil ? [] : [GPIOWire(from: .transmitEnable, to: .transmitEnableSense)]
        let gpio = try SimulatedGPIO(board: profile, now: now, wires: wires)
        let usb = SimulatedUSB(clock: ExternalSimulationClock(now))
        // A daemon runs for days and reads none of the simulated devices' records (tests and
        // `simulate` do): keep a few for a debugger. 10,000 of each (a frame and a latched state
        // of 1,280 codes every tick) held 34 MB live in a 54 MB malloc arena, measured with
        // glibc's malloc_stats on `Config/sim.yaml`: RSS went from 28 MiB at READY to 81 MB.
        usb.maximumRecordCount = Self.simulatedDeviceRecordCount
        if let id = profile.usbDevices[.beamformer]?.id {
            let bridge = SimulatedBeamformerBridge(chipCount: (board.array.aperture.elementCount + 3) / 4, identifier: id)
            bridge.maximumRecordCount = Self.simulatedDeviceRecordCount
            _ = usb.plug(bridge)
        }
        // The trace is this daemon's from now on: locked before anything is written, so a
        // second daemon on the same configuration cannot overwrite it.
        var trace: LockedTraceFile?
        if let path = process.configuration.simulatedTraceFile {
            do {
                trace = try LockedTraceFile(path: path)
            } catch {
                process.log(.critical, "sim_trace_file: \(error)")
                return .configuration
            }
        }
        let hardware = DaemonHardware(gpio: gpio, usb: usb, hotplug: usb) {
            guard let trace else { return }
            Self.writeTrace(gpio.writes, to: trace, process: process)
        }
        return process.run(hardware)
    }

    /// The real board through libgpiod and libusb (Linux only; the configuration refuses it elsewhere).
    static func runLinux(_ process: DaemonProcess) throws -> DaemonExitCode {
        let gpio = try LinuxGPIO(board: process.resources.board.hardware)
        let hotplug: LinuxUSBHotplugMonitor?
        do { hotplug = try LinuxUSBHotplugMonitor() } catch {
            process.log(.warning, "USB hot-plug unavailable (\(error)): the beamformer bridge is retried every second")
            hotplug = nil
        }
        return process.run(DaemonHardware(gpio: gpio, usb: LinuxUSB(), hotplug: hotplug))
    }

    /// Writes the simulated lines' trace: one write per line, `TIMEns role=level (cause)`.
    static func writeTrace(_ writes: [GPIOWriteRecord], to trace: LockedTraceFile, process: DaemonProcess) {
        let text =
            "# utermd simulated GPIO trace: monotonic time, line, logical level, cause\n"
            + writes.map(\.description).joined(separator: "\n") + "\n"
        do {
            try trace.replaceContents(with: Array(text.utf8))
            process.log(.info, "simulated GPIO trace written to \(trace.path) (\(writes.count) writes)")
        } catch {
            process.log(.error, "cannot write the GPIO trace to \(trace.path): \(error)")
        }
    }
}
