import Terminal

/// Shrinks a failing scenario to a smaller one that still fails the same way: delta
/// debugging (Zeller and Hildebrandt's ddmin, "Simplifying and isolating failure-inducing
/// input", IEEE TSE 2002) over the events, then the route's points one at a time, then the
/// run's length cut to just after the first violation.
package struct ScenarioShrinker {
    /// Whether a candidate still fails the same way (runs it).
    package let stillFails: (Scenario) -> Bool
    /// Candidates tried so far.
    package private(set) var attempts = 0

    /// A shrinker judging candidates with `stillFails`.
    package init(stillFails: @escaping (Scenario) -> Bool) {
        self.stillFails = stillFails
    }

    /// The smallest failing scenario found from `scenario` (which fails);
    /// `firstViolationSeconds`: when it first broke, to cut the run short after it.
    package mutating func shrink(_ scenario: Scenario, firstViolationSeconds: Double?) -> Scenario {
        var best = scenario
        if let first = firstViolationSeconds {
            let cut = (first + 1).rounded(.up)
            if cut < best.durationSeconds {
                var candidate = best
                candidate.durationSeconds = cut
                if test(candidate) { best = candidate }
            }
        }
        let events = Self.ddmin(best.events) { subset in
            var candidate = best
            candidate.events = subset
            return test(candidate)
        }
        best.events = events
        var index = best.route.count - 1
        while index >= 1, best.route.count > 1 {
            var candidate = best
            candidate.route.remove(at: index)
            if test(candidate) { best = candidate }
            index -= 1
        }
        return best
    }

    private mutating func test(_ candidate: Scenario) -> Bool {
        attempts += 1
        return stillFails(candidate)
    }

    /// ddmin: a 1-minimal failing subset of `items` (which fail as a whole).
    static func ddmin<T>(_ items: [T], _ fails: (([T]) -> Bool)) -> [T] {
        if items.isEmpty || fails([]) { return [] }
        var items = items
        var granularity = 2
        while items.count >= 2 {
            let chunk = (items.count + granularity - 1) / granularity
            let starts = Array(stride(from: 0, to: items.count, by: chunk))
            var reduced = false
            for start in starts {
                let subset = Array(items[start..<min(start + chunk, items.count)])
                if fails(subset) {
                    items = subset
                    granularity = 2
                    reduced = true
                    break
                }
            }
            if !reduced, starts.count > 2 {
                for start in starts {
                    let complement = Array(items[..<start]) + Array(items[min(start + chunk, items.count)...])
                    if fails(complement) {
                        items = complement
                        granularity = max(granularity - 1, 2)
                        reduced = true
                        break
                    }
                }
            }
            if !reduced {
                if granularity >= items.count { break }
                granularity = min(items.count, granularity * 2)
            }
        }
        return items
    }
}
