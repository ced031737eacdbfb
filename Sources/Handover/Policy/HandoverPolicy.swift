/// How the terminal picks one satellite among the candidates of a slot. Every policy is a
/// strict total order on candidates, so the choice is deterministic: ties on the policy's
/// figure fall through to the next figure listed, and finally to the lower catalogue number.
///
/// Starlink's own assignment is made by a global controller and is not public; measurements
/// are consistent with a preference for high, unobstructed satellites (Mohan et al., WWW 2024;
/// design notes). The other policies are the ones simulation studies ask for.
public enum HandoverPolicy: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Highest elevation at the middle of the slot; then lower catalogue number.
    case highestElevation
    /// The "maximum service time" criterion: keep the satellite that served the previous slot
    /// while it still qualifies; when a handover is forced (or there was none), take the
    /// longest remaining time satisfying every constraint from the slot's start
    /// (`SlotCandidate.remainingVisibilitySeconds`); then highest elevation at the middle; then
    /// lower catalogue number. The fewest handovers, at the cost of lower satellites. (Ranked
    /// afresh every slot without the first rule, a satellite that has just risen would win
    /// every time and the terminal would hand over more often, not less.) The ordering below
    /// is the second rule; the scheduler applies the first.
    case longestVisibility
    /// Smallest angle off the dish boresight at the middle of the slot (least scan loss); then
    /// lower catalogue number.
    case smallestOffBoresight
    /// Fewest terminals already assigned to the satellite for this slot (for fleet runs, fed
    /// through the scheduler's `assignedTerminals`); then highest elevation at the middle; then
    /// lower catalogue number.
    case loadBalanced

    /// The policy with this name: the case name (`highestElevation`), case-insensitively, also
    /// written with `-` or `_` between words (`highest-elevation`, `highest_elevation`).
    package init?(name: String) {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        guard let match = HandoverPolicy.allCases.first(where: { $0.rawValue.lowercased() == folded }) else {
            return nil
        }
        self = match
    }

    /// The policy's name, as `init(name:)` reads it.
    public var description: String { rawValue }

    /// Whether the policy prefers `a` to `b` (a strict order: false for a candidate against itself).
    package func prefers(_ a: SlotCandidate, over b: SlotCandidate) -> Bool {
        switch self {
        case .highestElevation:
            if a.middleElevationDegrees != b.middleElevationDegrees {
                return a.middleElevationDegrees > b.middleElevationDegrees
            }
        case .longestVisibility:
            let remainingA = a.remainingVisibilitySeconds ?? 0
            let remainingB = b.remainingVisibilitySeconds ?? 0
            if remainingA != remainingB { return remainingA > remainingB }
            if a.middleElevationDegrees != b.middleElevationDegrees {
                return a.middleElevationDegrees > b.middleElevationDegrees
            }
        case .smallestOffBoresight:
            if a.middleOffBoresightDegrees != b.middleOffBoresightDegrees {
                return a.middleOffBoresightDegrees < b.middleOffBoresightDegrees
            }
        case .loadBalanced:
            if a.assignedTerminals != b.assignedTerminals { return a.assignedTerminals < b.assignedTerminals }
            if a.middleElevationDegrees != b.middleElevationDegrees {
                return a.middleElevationDegrees > b.middleElevationDegrees
            }
        }
        return a.catalogNumber < b.catalogNumber
    }

    /// The candidates from most to least preferred (stable for identical catalogue numbers).
    package func ranked(_ candidates: [SlotCandidate]) -> [SlotCandidate] {
        candidates.enumerated().sorted { lhs, rhs in
            if prefers(lhs.element, over: rhs.element) { return true }
            if prefers(rhs.element, over: lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The best two candidates in one pass, without sorting: (serving, runner-up).
    func bestTwo(_ candidates: [SlotCandidate], excludingCatalogNumber excluded: Int? = nil) -> (SlotCandidate?, SlotCandidate?) {
        var best: SlotCandidate?
        var second: SlotCandidate?
        for candidate in candidates where candidate.catalogNumber != excluded {
            if let current = best, !prefers(candidate, over: current) {
                if second.map({ prefers(candidate, over: $0) }) ?? true { second = candidate }
            } else {
                second = best
                best = candidate
            }
        }
        return (best, second)
    }
}
