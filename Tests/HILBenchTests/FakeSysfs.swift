import Foundation

/// A temporary directory standing in for sysfs: gpio-sim `value`/`pull` files, a `UDC`
/// file, a bench.json pointing at them. Removed when the last reference goes.
final class FakeSysfs {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "utermd-hilbench-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Creates `name` holding `text`; returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = root + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: root + "/" + name, encoding: .utf8) }

    /// A bench.json like bench-up.sh writes, over this directory.
    func benchJSON(wireLoopPID: Int32? = nil) throws -> String {
        var lines: [String] = []
        for (role, offset, activeLow) in [("transmit_enable", 0, false), ("fault_in", 8, true), ("transmit_enable_sense", 10, false)] {
            try file("sim_gpio\(offset)_value", "0\n")
            try file("sim_gpio\(offset)_pull", "pull-down\n")
            lines.append(
                #""\#(role)": {"chip": "utermd-hil-io", "offset": \#(offset), "active_low": \#(activeLow), "#
                    + #""value": "\#(root)/sim_gpio\#(offset)_value", "pull": "\#(root)/sim_gpio\#(offset)_pull"}"#)
        }
        try file("UDC", "dummy_udc.0\n")
        try file("states.jsonl", "")
        let pid = wireLoopPID.map { #", "wire_loop_pid": \#($0)"# } ?? ""
        return try file("bench.json", """
            {
              "rig": "HIL/rigs/vm.yaml",
              "board": "Boards/hil-vm.yaml",
              "gpio": {
                "chips": [{"label": "utermd-hil-io", "lines": 16, "device": "/dev/gpiochip0", "sysfs": "\(root)"}],
                "lines": {\(lines.joined(separator: ", "))},
                "wires": [{"from": "transmit_enable", "to": "transmit_enable_sense", "inverted": false}],
                "wire_poll_ms": 2\(pid)
              },
              "usb": {"beamformer": {"id": "1209:0001", "udc": "dummy_udc.0", "udc_file": "\(root)/UDC", "functionfs": "/run/hil-ffs/beamformer", "emulator_pid": 217, "states": "\(root)/states.jsonl", "log": "\(root)/emulator.log"}}
            }
            """)
    }
}
