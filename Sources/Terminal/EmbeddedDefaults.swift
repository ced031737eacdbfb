/// Data the simulated terminal runs on when given no files, so `utermd` works from the
/// binary alone. Each text is a copy of a file in the repository; a test keeps them equal.
public enum EmbeddedDefaults {
    /// `Boards/sim.yaml`.
    public static let simulatedBoardYAML = #"""
# utermd board file (format 1): the simulated board used on laptops and in tests.
# Its chip labels are those of gpio-sim banks, so the same roles work on the virtual HIL bench.
format: 1
board: sim
summary: Simulated terminal board (no hardware; every line and device lives in memory)
gpio:
  chips:
    - label: utermd-sim-io
      lines: 16
  lines:
    transmit_enable:       { chip: utermd-sim-io, line: 0, active_low: false, safe: inactive }
    pa_power:              { chip: utermd-sim-io, line: 1, active_low: false, safe: inactive }
    status_led:            { chip: utermd-sim-io, line: 2, active_low: false, safe: inactive }
    beamformer_reset:      { chip: utermd-sim-io, line: 3, active_low: true, safe: active }
    fault_in:              { chip: utermd-sim-io, line: 8, active_low: true, bias: pull_up }
    over_temperature:      { chip: utermd-sim-io, line: 9, active_low: true, bias: pull_up }
    transmit_enable_sense: { chip: utermd-sim-io, line: 10, active_low: false }
usb:
  beamformer: { id: "1209:0001" }
  gnss:       { id: "1546:01a8" }

"""#
}
