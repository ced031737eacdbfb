import Foundation
import Geofence
import Testing

/// Fail-closed position handling and hysteresis of ``GeofenceEvaluator``.
@Suite struct EvaluatorTests {
    /// noService square 0–1°E × 0–1°N in an allow world.
    static func restricted(configuration: GeofenceConfiguration = GeofenceConfiguration()) throws -> GeofenceEvaluator {
        let zone = try squareZone("N", west: 0, south: 0, east: 1, north: 1)
        return GeofenceEvaluator(
            policy: GeofencePolicy(rules: [ZoneRule(zone: zone, action: .noService)], defaultAction: .allow),
            configuration: configuration)
    }

    static func fix(_ point: GeodeticCoordinate, at seconds: Double, uncertainty: Double = 5) -> PositionFix {
        PositionFix(
            coordinate: point, horizontalUncertaintyMetres: uncertainty, monotonicTime: .milliseconds(Int(seconds * 1000)))
    }

    /// A point `metres` east of the zone's eastern edge at 0.5°N (negative: inside).
    static func offEastEdge(_ metres: Double) -> GeodeticCoordinate { east(of: coordinate(0.5, 1), metres: metres) }

    static let openSea = coordinate(0.5, 5)

    @Test func noFixFailsClosed() throws {
        var evaluator = try Self.restricted()
        let decision = evaluator.decide(at: .zero)
        #expect(decision == GeofenceDecision(action: .receiveOnly, reason: .noFix))
        #expect(!decision.permitsTransmit)
        #expect(decision.reason.isFailClosed)
    }

    @Test func staleAndFutureFixesFailClosed() throws {
        var evaluator = try Self.restricted()
        #expect(evaluator.update(fix: Self.fix(Self.openSea, at: 10)) == .accepted)
        #expect(evaluator.decide(at: .seconds(14)).action == .allow)
        #expect(evaluator.decide(at: .seconds(15)).action == .allow, "exactly the maximum age is still fresh")
        #expect(evaluator.decide(at: .milliseconds(15_001)) == GeofenceDecision(action: .receiveOnly, reason: .staleFix))
        #expect(evaluator.decide(at: .seconds(4)).reason == .staleFix, "a fix 6 s in the future means the clocks disagree")
    }

    @Test func invalidFixFailsClosedUntilAGoodOne() throws {
        var evaluator = try Self.restricted()
        #expect(evaluator.update(fix: Self.fix(coordinate(.nan, 5), at: 0)) == .invalid)
        #expect(evaluator.decide(at: .zero).reason == .noFix)
        evaluator.update(fix: Self.fix(Self.openSea, at: 1))
        #expect(evaluator.update(fix: Self.fix(coordinate(91, 5), at: 2)) == .invalid)
        #expect(evaluator.decide(at: .seconds(2)).reason == .invalidFix)
        #expect(evaluator.update(fix: Self.fix(Self.openSea, at: 3, uncertainty: -1)) == .invalid)
        #expect(evaluator.update(fix: Self.fix(Self.openSea, at: 3)) == .accepted)
        #expect(evaluator.decide(at: .seconds(3)).action == .allow)
    }

    @Test func implausibleJumpFailsClosedForTheRecoveryTime() throws {
        var evaluator = try Self.restricted()
        evaluator.update(fix: Self.fix(Self.openSea, at: 0))
        let far = coordinate(0.5, 6)
        guard case .implausibleJump(let speed) = evaluator.update(fix: Self.fix(far, at: 1)) else {
            Issue.record("a 111 km jump in 1 s was accepted")
            return
        }
        #expect(speed > 100_000)
        #expect(evaluator.decide(at: .seconds(1)) == GeofenceDecision(action: .receiveOnly, reason: .implausibleJump))
        for second in 2...11 {
            #expect(evaluator.update(fix: Self.fix(east(of: far, metres: Double(second) * 10), at: Double(second))) == .accepted)
            let decision = evaluator.decide(at: .seconds(second))
            #expect(decision.action == (second < 11 ? .receiveOnly : .allow), "at \(second) s: \(decision)")
        }
    }

    @Test func movesExplainedByUncertaintyAreNotJumps() throws {
        var evaluator = try Self.restricted()
        evaluator.update(fix: Self.fix(Self.openSea, at: 0, uncertainty: 1_000))
        #expect(evaluator.update(fix: Self.fix(east(of: Self.openSea, metres: 1_900), at: 1, uncertainty: 1_000)) == .accepted)
        #expect(evaluator.update(fix: Self.fix(east(of: Self.openSea, metres: 2_400), at: 2, uncertainty: 5)) == .accepted)
        #expect(evaluator.update(fix: Self.fix(east(of: Self.openSea, metres: 2_400), at: 2, uncertainty: 5)) == .accepted)
        guard case .implausibleJump = evaluator.update(fix: Self.fix(east(of: Self.openSea, metres: 2_500), at: 2)) else {
            Issue.record("a 100 m move in no time was accepted")
            return
        }
    }

    @Test func outOfOrderFixesAreIgnored() throws {
        var evaluator = try Self.restricted()
        evaluator.update(fix: Self.fix(Self.openSea, at: 2))
        #expect(evaluator.update(fix: Self.fix(coordinate(0.5, 0.5), at: 1)) == .outOfOrder)
        #expect(evaluator.lastFix?.coordinate == Self.openSea)
        #expect(evaluator.decide(at: .seconds(2)).action == .allow)
    }

    @Test func imprecisePositionFailsClosed() throws {
        var evaluator = try Self.restricted()
        evaluator.update(fix: Self.fix(Self.openSea, at: 0, uncertainty: 20_000))
        #expect(evaluator.decide(at: .zero) == GeofenceDecision(action: .receiveOnly, reason: .uncertaintyTooLarge))
    }

    @Test func failingClosedKeepsAStricterLastAction() throws {
        var evaluator = try Self.restricted()
        evaluator.update(fix: Self.fix(coordinate(0.5, 0.5), at: 0))
        #expect(evaluator.decide(at: .zero).action == .noService)
        #expect(evaluator.decide(at: .seconds(60)) == GeofenceDecision(action: .noService, reason: .staleFix))
        var strict = try Self.restricted(configuration: GeofenceConfiguration(failClosedAction: .noService))
        #expect(strict.decide(at: .zero).action == .noService)
        var lax = try Self.restricted(configuration: GeofenceConfiguration(failClosedAction: .allow))
        #expect(lax.decide(at: .zero).action == .receiveOnly, "fail-closed never allows transmission")
    }

    @Test func leavingARestrictedZoneNeedsTheHysteresisDistance() throws {
        var evaluator = try Self.restricted(configuration: GeofenceConfiguration(hysteresisMetres: 100))
        var time = 0.0
        func step(_ metres: Double) -> GeofenceDecision {
            time += 1
            #expect(evaluator.update(fix: Self.fix(Self.offEastEdge(metres), at: time)) == .accepted)
            return evaluator.decide(at: .seconds(time))
        }
        #expect(step(-200).reason == .insideZone)
        let leaving = step(50)
        #expect(leaving.action == .noService)
        #expect(leaving.reason == .leavingZone)
        #expect(leaving.zoneName == "N")
        #expect(step(104).action == .noService)
        #expect(
            step(150)
                == GeofenceDecision(
                    action: .allow, reason: .defaultAction, boundaryDistanceMetres: step(150).boundaryDistanceMetres))
        #expect(step(50).action == .allow, "approaching again: no hysteresis on the way in")
        let margin = step(3)
        #expect(margin.action == .noService)
        #expect(margin.reason == .withinUncertaintyOfZone)
    }

    @Test func enteringAnAllowedZoneNeedsTheHysteresisDistance() throws {
        let zone = try squareZone("Licensed", west: 3, south: 0, east: 4, north: 1)
        var evaluator = GeofenceEvaluator(
            policy: GeofencePolicy(rules: [ZoneRule(zone: zone, action: .allow)], defaultAction: .noService),
            configuration: GeofenceConfiguration(hysteresisMetres: 100))
        var time = 0.0
        func step(_ metresInside: Double) -> GeofenceDecision {
            time += 1
            evaluator.update(fix: Self.fix(east(of: coordinate(0.5, 3), metres: metresInside), at: time))
            return evaluator.decide(at: .seconds(time))
        }
        #expect(step(-100).reason == .defaultAction)
        let entering = step(50)
        #expect(entering.action == .noService)
        #expect(entering.reason == .notSurelyInsideZone)
        #expect(step(150).action == .allow)
        #expect(step(50).action == .allow, "once inside, only the uncertainty margin applies")
        #expect(step(3).action == .noService)
        // After failing closed, the allowance has to be earned again.
        #expect(step(150).action == .allow)
        #expect(evaluator.decide(at: .seconds(time + 10)).reason == .staleFix)
        #expect(step(50).action == .noService)
    }

    @Test func policyReplacementTakesEffectAtTheNextDecision() throws {
        var evaluator = try Self.restricted()
        evaluator.update(fix: Self.fix(coordinate(0.5, 0.5), at: 0))
        #expect(evaluator.decide(at: .zero).action == .noService)
        evaluator.replacePolicy(GeofencePolicy(rules: [], defaultAction: .allow))
        #expect(evaluator.decide(at: .zero) == GeofenceDecision(action: .allow, reason: .defaultAction))
        #expect(evaluator.policy.rules.isEmpty)
    }
}
