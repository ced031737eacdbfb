/// One second of the dish's history, as ``DishHistoryRing`` lays it out.
package struct DishHistorySecond: Sendable, Equatable {
    /// UTC of the second, seconds since the Unix epoch (0 when UTC was unknown).
    package var utcSeconds: Int64
    /// `pop_ping_drop_rate`, 0...1.
    package var popPingDropRate: Float
    /// `pop_ping_latency_ms` (modelled; NaN when not connected).
    package var popPingLatencyMilliseconds: Float
    /// `downlink_throughput_bps` (modelled).
    package var downlinkBitsPerSecond: Float
    /// `uplink_throughput_bps` (modelled).
    package var uplinkBitsPerSecond: Float
    /// The outage of the second, if any.
    package var outageCause: SpaceX_API_Device_DishOutage.Cause?

    /// Builds one.
    package init(
        utcSeconds: Int64, popPingDropRate: Float, popPingLatencyMilliseconds: Float, downlinkBitsPerSecond: Float,
        uplinkBitsPerSecond: Float, outageCause: SpaceX_API_Device_DishOutage.Cause?
    ) {
        self.utcSeconds = utcSeconds
        self.popPingDropRate = popPingDropRate
        self.popPingLatencyMilliseconds = popPingLatencyMilliseconds
        self.downlinkBitsPerSecond = downlinkBitsPerSecond
        self.uplinkBitsPerSecond = uplinkBitsPerSecond
        self.outageCause = outageCause
    }
}

/// `dish_get_history` as the dish lays it out: each array holds ``capacity`` one-second
/// samples as a ring, the sample numbered `n` (counting from 0 since start) at index
/// `n mod capacity`; `current` is the count of samples ever taken, so the newest sample sits
/// at `(current − 1) mod capacity` and a client reads `min(current, capacity)` of them.
/// Slots not yet written hold 0. `outages` lists the runs of outage seconds in the window,
/// oldest first.
package enum DishHistoryRing {
    /// Samples in the ring: 900 s, 15 minutes, as the dish has kept since 2021.
    package static let capacity = 900

    /// The response for `seconds` (oldest first, at most ``capacity`` used: the newest) when
    /// `total` samples have been taken in all (`total` ≥ `seconds.count`).
    package static func response(seconds: [DishHistorySecond], total: UInt64) -> SpaceX_API_Device_DishGetHistoryResponse {
        let kept = Array(seconds.suffix(capacity))
        let total = max(total, UInt64(kept.count))
        var drop = [Float](repeating: 0, count: capacity)
        var latency = [Float](repeating: 0, count: capacity)
        var downlink = [Float](repeating: 0, count: capacity)
        var uplink = [Float](repeating: 0, count: capacity)
        let first = total - UInt64(kept.count)
        for (offset, second) in kept.enumerated() {
            let index = Int((first + UInt64(offset)) % UInt64(capacity))
            drop[index] = second.popPingDropRate
            latency[index] = second.popPingLatencyMilliseconds
            downlink[index] = second.downlinkBitsPerSecond
            uplink[index] = second.uplinkBitsPerSecond
        }
        var response = SpaceX_API_Device_DishGetHistoryResponse()
        response.current = total
        response.popPingDropRate = drop
        response.popPingLatencyMs = latency
        response.downlinkThroughputBps = downlink
        response.uplinkThroughputBps = uplink
        response.outages = outageRuns(kept)
        return response
    }

    /// The runs of consecutive seconds with the same outage cause.
    static func outageRuns(_ seconds: [DishHistorySecond]) -> [SpaceX_API_Device_DishOutage] {
        var runs: [SpaceX_API_Device_DishOutage] = []
        var current: (cause: SpaceX_API_Device_DishOutage.Cause, start: Int64, seconds: UInt64)?
        func close() {
            guard let run = current else { return }
            var outage = SpaceX_API_Device_DishOutage()
            outage.cause = run.cause
            outage.startTimestampNs = run.start > 0 ? UInt64(run.start) * 1_000_000_000 : 0
            outage.durationNs = run.seconds * 1_000_000_000
            runs.append(outage)
            current = nil
        }
        for second in seconds {
            if let cause = second.outageCause, let run = current, run.cause == cause {
                current?.seconds = run.seconds + 1
                continue
            }
            close()
            if let cause = second.outageCause { current = (cause, second.utcSeconds, 1) }
        }
        close()
        return runs
    }
}
