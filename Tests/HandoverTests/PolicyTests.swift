import Testing

@testable import Handover

/// Each policy on hand-built candidates: the documented figure first, then the documented
/// tie-breaks, ending with the lower catalogue number.
@Suite struct PolicyTests {
    static func candidate(
        _ catalogNumber: Int, elevation: Double, offBoresight: Double = 30, remaining: Double? = nil, assigned: Int = 0
    ) -> SlotCandidate {
        SlotCandidate(
            catalogNumber: catalogNumber, startElevationDegrees: elevation, middleElevationDegrees: elevation,
            endElevationDegrees: elevation, middleOffBoresightDegrees: offBoresight, remainingVisibilitySeconds: remaining,
            assignedTerminals: assigned)
    }

    let candidates = [
        candidate(300, elevation: 60, offBoresight: 30, remaining: 40, assigned: 3),
        candidate(100, elevation: 45, offBoresight: 10, remaining: 200, assigned: 1),
        candidate(200, elevation: 70, offBoresight: 20, remaining: 90, assigned: 1),
        candidate(150, elevation: 45, offBoresight: 10, remaining: 200, assigned: 0),
    ]

    @Test func highestElevationTakesTheHighestThenTheLowerCatalogueNumber() {
        #expect(HandoverPolicy.highestElevation.ranked(candidates).map(\.catalogNumber) == [200, 300, 100, 150])
    }

    @Test func longestVisibilityTakesTheLongestRemainingThenHigherThenLowerNumber() {
        #expect(HandoverPolicy.longestVisibility.ranked(candidates).map(\.catalogNumber) == [100, 150, 200, 300])
        let tiedOnTime = [
            Self.candidate(7, elevation: 30, remaining: 60), Self.candidate(5, elevation: 50, remaining: 60),
            Self.candidate(6, elevation: 50, remaining: 60),
        ]
        #expect(HandoverPolicy.longestVisibility.ranked(tiedOnTime).map(\.catalogNumber) == [5, 6, 7])
    }

    @Test func smallestOffBoresightTakesTheNearestTheAxisThenTheLowerNumber() {
        #expect(HandoverPolicy.smallestOffBoresight.ranked(candidates).map(\.catalogNumber) == [100, 150, 200, 300])
    }

    @Test func loadBalancedTakesTheLeastLoadedThenHigherThenLowerNumber() {
        #expect(HandoverPolicy.loadBalanced.ranked(candidates).map(\.catalogNumber) == [150, 200, 100, 300])
    }

    /// The one-pass choice of the scheduler agrees with the full ranking, whatever the input order.
    @Test(arguments: HandoverPolicy.allCases)
    func bestTwoAgreesWithTheRanking(policy: HandoverPolicy) {
        var orders = [candidates, candidates.reversed(), [candidates[2], candidates[0], candidates[3], candidates[1]]]
        orders.append(Array(candidates.prefix(1)))
        for order in orders {
            let ranked = policy.ranked(order)
            let (best, second) = policy.bestTwo(order)
            #expect(best == ranked.first)
            #expect(second == (ranked.count > 1 ? ranked[1] : nil))
        }
        #expect(policy.bestTwo([]) == (nil, nil))
    }

    /// Every policy is a strict order: irreflexive and antisymmetric on these candidates.
    @Test(arguments: HandoverPolicy.allCases)
    func policiesAreStrictOrders(policy: HandoverPolicy) {
        for a in candidates {
            #expect(!policy.prefers(a, over: a))
            for b in candidates where a != b { #expect(policy.prefers(a, over: b) != policy.prefers(b, over: a)) }
        }
    }

    @Test func policiesByName() {
        #expect(HandoverPolicy(name: "highestElevation") == .highestElevation)
        #expect(HandoverPolicy(name: "longest-visibility") == .longestVisibility)
        #expect(HandoverPolicy(name: "SMALLEST_OFF_BORESIGHT") == .smallestOffBoresight)
        #expect(HandoverPolicy(name: "loadBalanced") == .loadBalanced)
        #expect(HandoverPolicy(name: "closest") == nil)
        #expect(
            HandoverPolicy.allCases.map(\.description) == [
                "highestElevation", "longestVisibility", "smallestOffBoresight", "loadBalanced",
            ])
    }
}
