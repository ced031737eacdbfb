import Orbit
import Testing

@testable import Handover

/// Refreshed element sets keep every satellite at its index (the tick and the scheduler name
/// satellites by index), take newer elements only, and say what they kept and why.
@Suite struct EphemerisRefreshTests {
    static let epoch = JulianDate(unixSeconds: 1_787_428_800)  // 2026-08-23T00:00:00Z

    static func sets(epoch: JulianDate) throws -> [ElementSet] {
        Array(try StarlinkShells.shell1.elementSets(epoch: epoch).prefix(40))
    }

    @Test func newerElementsReplaceTheOldAtTheSameIndices() throws {
        let old = ConstellationEphemeris(elementSets: try Self.sets(epoch: Self.epoch))
        let dayLater = JulianDate(unixSeconds: 1_787_428_800 + 86_400)
        var offered = try Self.sets(epoch: dayLater)
        // Satellite 3's new set is unusable (SGP4 refuses e ≥ 1), satellite 5's is older than
        // the one in use, satellite 7's is missing, and one satellite is new.
        offered[3].eccentricity = 1.5
        offered[5].epoch = JulianDate(unixSeconds: 1_787_428_800 - 86_400)
        offered.remove(at: 7)
        var newcomer = offered[0]
        newcomer.catalogNumber = 99_999
        offered.append(newcomer)

        let refresh = old.refreshed(with: offered)
        let new = refresh.ephemeris
        #expect(new.count == old.count)
        #expect(new.satellites.map(\.catalogNumber) == old.satellites.map(\.catalogNumber), "same satellites, same order")
        #expect(refresh.updated == old.count - 3)
        #expect(refresh.notNewer == 1)
        #expect(refresh.missing == [old.satellites[7].catalogNumber])
        #expect(refresh.refused.map(\.catalogNumber) == [old.satellites[3].catalogNumber])
        #expect(refresh.added == [99_999])
        #expect(refresh.summary.contains("1 new satellites wait for a restart"))

        let instant = JulianDate(unixSeconds: 1_787_428_800 + 86_400 + 600)
        for index in [0, 1, 10] {
            let elements = try #require(offered.first { $0.catalogNumber == old.satellites[index].catalogNumber })
            let expected = try SGP4Propagator(elements: elements).propagate(to: instant)
            let state = try new.propagate(satellite: index, to: instant)
            #expect(state.positionKilometres == expected.positionKilometres, "satellite \(index) uses its new elements")
            #expect(new.satellites[index].epoch == dayLater)
        }
        for index in [3, 5, 7] {
            let kept = try old.propagate(satellite: index, to: instant)
            #expect(try new.propagate(satellite: index, to: instant).positionKilometres == kept.positionKilometres)
            #expect(new.satellites[index].epoch == Self.epoch, "satellite \(index) keeps the elements in use")
        }
        // The old ephemeris is untouched (the tick may still be using it).
        #expect(old.satellites[0].epoch == Self.epoch)
    }

    @Test func theSameFileAgainChangesNothing() throws {
        let sets = try Self.sets(epoch: Self.epoch)
        let refresh = ConstellationEphemeris(elementSets: sets).refreshed(with: sets)
        #expect(refresh.updated == 0)
        #expect(refresh.notNewer == sets.count)
        #expect(refresh.summary == "0 satellites updated, \(sets.count) not newer (kept)")
    }

    @Test func theNewestOfSeveralSetsForOneSatelliteIsTaken() throws {
        let sets = try Self.sets(epoch: Self.epoch)
        let old = ConstellationEphemeris(elementSets: [sets[0]])
        var first = sets[0]
        first.epoch = JulianDate(unixSeconds: 1_787_428_800 + 3_600)
        var second = sets[0]
        second.epoch = JulianDate(unixSeconds: 1_787_428_800 + 7_200)
        let refresh = old.refreshed(with: [second, first])
        #expect(refresh.updated == 1)
        #expect(refresh.ephemeris.satellites[0].epoch == second.epoch)
    }
}
