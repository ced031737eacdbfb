import HAL

/// A wire on the (virtual) bench from an output line to an input line, as a HIL rig file
/// describes it: e.g. `transmit_enable` wired back to `transmit_enable_sense`, so the
/// firmware can prove the interlock really switched.
///
/// The wire carries the physical level: the input's active-low setting applies on its own
/// side, as with copper. `inverted` models an inverting buffer in between; `delayNanoseconds`
/// the time the level takes to arrive.
package struct GPIOWire: Sendable, Hashable {
    /// The output that drives the wire.
    package var output: GPIORole
    /// The input that sees it.
    package var input: GPIORole
    /// Whether an inverter sits on the wire.
    package var inverted: Bool
    /// How long a change takes to reach the input.
    package var delayNanoseconds: UInt64

    /// Builds a wire.
    package init(from output: GPIORole, to input: GPIORole, inverted: Bool = false, delayNanoseconds: UInt64 = 0) {
        self.output = output
        self.input = input
        self.inverted = inverted
        self.delayNanoseconds = delayNanoseconds
    }
}
