/// Hands `value` to code the optimiser may not look into, so that a release build
/// (`make fuzz-long`) cannot drop a parse whose result a target does not otherwise use. In a
/// module of its own, so no target's optimiser sees its (empty) body.
@inline(never) @_optimize(none)
package func keep<Value>(_ value: Value) {}
