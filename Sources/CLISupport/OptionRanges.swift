import ArgumentParser

/// Refuses a number option outside its range, naming the option, the range and the value,
/// so that `--min-elevation nan` or `--speed -1` is answered with what would be accepted.
package func requireOption(_ value: Double, _ option: String, within range: ClosedRange<Double>, unit: String = "") throws {
    guard value.isFinite, range.contains(value) else {
        throw ValidationError(
            "\(option) must be a number within \(format(range.lowerBound))...\(format(range.upperBound))\(unit), got \(format(value))"
        )
    }
}

/// Refuses a number option that is not finite and strictly above `lowerBound`.
package func requireOption(_ value: Double, _ option: String, above lowerBound: Double, unit: String = "") throws {
    guard value.isFinite, value > lowerBound else {
        throw ValidationError("\(option) must be a finite number above \(format(lowerBound))\(unit), got \(format(value))")
    }
}

/// Refuses an integer option outside its range.
package func requireOption<Integer: BinaryInteger>(_ value: Integer, _ option: String, within range: ClosedRange<Integer>) throws {
    guard range.contains(value) else {
        throw ValidationError("\(option) must be within \(range.lowerBound)...\(range.upperBound), got \(value)")
    }
}

/// `12`, not `12.0`, for whole numbers in messages.
private func format(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}
