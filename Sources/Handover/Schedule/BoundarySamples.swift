/// The samples at the end of the last slot decided, by satellite, for the next slot to start
/// from (consecutive slots share that instant, so each satellite in view is sampled there
/// once, not twice).
///
/// Two small arrays swapped at each slot, not a dictionary: only the satellites in view have a
/// sample (tens of thousands of satellites, tens in view), a lookup is a short linear search,
/// and once the arrays have grown, deciding a slot allocates nothing (a dictionary allocated
/// at every insertion and every filtering: about 50 allocations a slot).
struct BoundarySamples {
    private var previous: [(satellite: Int, sample: TrackSample)] = []
    private var current: [(satellite: Int, sample: TrackSample)] = []

    /// Starts a slot: the samples kept in the last one become the ones to carry from.
    mutating func beginSlot() {
        swap(&previous, &current)
        current.removeAll(keepingCapacity: true)
    }

    /// The sample of `satellite` kept in the last slot, if it was taken at `seconds`.
    func carried(_ satellite: Int, atSeconds seconds: Double) -> TrackSample? {
        for entry in previous where entry.satellite == satellite {
            return entry.sample.seconds == seconds ? entry.sample : nil
        }
        return nil
    }

    /// Keeps `sample` (taken at this slot's end) of `satellite` for the next slot.
    mutating func keep(_ sample: TrackSample, of satellite: Int) {
        current.append((satellite, sample))
    }

    /// Forgets every sample (the windows or the constraints changed).
    mutating func removeAll() {
        previous.removeAll(keepingCapacity: true)
        current.removeAll(keepingCapacity: true)
    }
}
