/// Keeps a record array (a simulated device's trace) bounded for long runs: once it holds
/// more than `limit` entries, the oldest are dropped so that `limit / 2` remain (amortised
/// O(1) per append). Tests keep the default, unbounded, and see every record.
func trimRecords<Record>(_ records: inout [Record], to limit: Int) {
    guard records.count > limit else { return }
    records.removeFirst(records.count - max(1, limit / 2))
}
