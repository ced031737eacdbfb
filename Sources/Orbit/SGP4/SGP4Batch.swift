/// Many satellites propagated together, for constellation-wide snapshots (10,000 Starlink
/// satellites per tick): the propagators are built once, and each snapshot writes into
/// storage the caller owns, so a tick allocates nothing.
public struct SGP4Batch: Sendable {
    /// An element set that could not be initialised, and why.
    package struct Rejection: Sendable, Hashable {
        /// Its catalogue number.
        package var catalogNumber: Int
        /// Its index in the element sets the batch was built from.
        package var index: Int
        /// Why SGP4 refused it.
        package var error: SGP4Error
    }

    /// The propagators, in the order of the element sets that initialised.
    public let propagators: [SGP4Propagator]
    /// The element sets left out.
    package let rejections: [Rejection]

    /// Initialises a propagator for each element set; those SGP4 refuses are listed in
    /// `rejections` instead.
    public init(
        elementSets: [ElementSet], gravity: SGP4GravityModel = .wgs72,
        operationMode: SGP4OperationMode = .improved
    ) {
        var propagators: [SGP4Propagator] = []
        var rejections: [Rejection] = []
        propagators.reserveCapacity(elementSets.count)
        for (index, elements) in elementSets.enumerated() {
            do {
                propagators.append(
                    try SGP4Propagator(
                        elements: elements, gravity: gravity, operationMode: operationMode))
            } catch {
                rejections.append(Rejection(catalogNumber: elements.catalogNumber, index: index, error: error))
            }
        }
        self.propagators = propagators
        self.rejections = rejections
    }

    /// The number of propagators.
    public var count: Int { propagators.count }

    /// Propagates every satellite to `date`. `results[i]` receives satellite i's state or
    /// error; the array is resized only when its count differs from `count`, so reusing it
    /// across ticks allocates nothing.
    /// - Returns: the number of satellites that failed.
    @discardableResult
    public func propagate(
        to date: JulianDate, into results: inout [Result<TEMEState, SGP4Error>]
    ) -> Int {
        if results.count != propagators.count {
            results = Array(repeating: .failure(.invalidInput), count: propagators.count)
        }
        var failures = 0
        results.withUnsafeMutableBufferPointer { buffer in
            for index in propagators.indices {
                do throws(SGP4Error) {
                    buffer[index] = .success(try propagators[index].propagate(to: date))
                } catch {
                    buffer[index] = .failure(error)
                    failures += 1
                }
            }
        }
        return failures
    }

    /// Propagates satellites `0..<min(count, states.count)` to `date`, writing each state
    /// into `states`. A satellite that fails gets a zero state and, when `errors` is given
    /// (and long enough), its error there; successful ones get nil in `errors`.
    /// - Returns: the number of satellites that failed.
    @discardableResult
    public func propagate(
        to date: JulianDate, into states: UnsafeMutableBufferPointer<TEMEState>,
        errors: UnsafeMutableBufferPointer<SGP4Error?>? = nil
    ) -> Int {
        var failures = 0
        let errorCount = errors?.count ?? 0
        for index in 0..<min(propagators.count, states.count) {
            do {
                states[index] = try propagators[index].propagate(to: date)
                if index < errorCount { errors?[index] = nil }
            } catch {
                states[index] = TEMEState(positionKilometres: .zero, velocityKilometresPerSecond: .zero)
                if index < errorCount { errors?[index] = error }
                failures += 1
            }
        }
        return failures
    }
}
