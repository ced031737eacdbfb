import Foundation
import Handover
import Orbit
import Terminal
import Testing

/// The board's `constellations:` list: Starlink alone by default, the multi-orbit board's three,
/// and clear errors naming file, line and field.
@Suite struct BoardConstellationsTests {
    func problems(_ yaml: String) -> [DataFileError] {
        do {
            _ = try BoardFile.parse(yaml: yaml, file: "board.yaml")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func existingBoardsUseStarlinkAlone() throws {
        let multiNetwork = ["sim-multi.yaml", "sim-maritime-multi.yaml"]
        for file in try RepositoryFiles.boardFiles() where !multiNetwork.contains(where: { file.hasSuffix("/" + $0) }) {
            #expect(try BoardFile.load(path: file).constellations == [.starlink], "\(file)")
        }
        #expect(try BoardFile.parse(yaml: BoardFileTests.valid, file: "board.yaml").constellations == [.starlink])
    }

    @Test func theMultiOrbitBoardListsItsNetworks() throws {
        let board = try BoardFile.load(path: RepositoryFiles.path("Boards/sim-multi.yaml"))
        #expect(board.name == "sim-multi")
        #expect(board.constellations == [.starlink, .oneweb, .kuiper])
        let maritime = try BoardFile.load(path: RepositoryFiles.path("Boards/sim-maritime-multi.yaml"))
        #expect(maritime.name == "sim-maritime-multi")
        #expect(maritime.constellations == [.starlink, .guowang, .qianfan])
    }

    @Test func anUnknownNetworkIsNamedWithFileLineAndField() throws {
        let found = problems(BoardFileTests.valid + "\nconstellations: [starlink, telesat]\n")
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.file == "board.yaml")
        #expect(problem.line == 10)
        #expect(problem.field.hasPrefix("constellations"))
        #expect(problem.message.contains("unknown constellation \"telesat\""))
        #expect(problem.message.contains("oneweb"))
    }

    @Test func duplicatesEmptyListsAndWrongTypesAreRefused() {
        #expect(problems(BoardFileTests.valid + "\nconstellations: [kuiper, kuiper]\n").first?.message.contains("twice") == true)
        #expect(problems(BoardFileTests.valid + "\nconstellations: []\n").first?.message.contains("at least one") == true)
        #expect(problems(BoardFileTests.valid + "\nconstellations: starlink\n").first?.field == "constellations")
    }
}

/// The schedule service across networks: the board's networks, and a change of the permitted
/// set at a fix applied from the next slot with its outage (the tick sees `noSchedule`).
@Suite struct ScheduleServiceNetworkTests {
    static let startUTC = 1_787_428_800.0  // 2026-08-23T00:00:00Z
    static let zurich = GeodeticPosition(latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 408)

    @Test func aPermittedSetChangeSwitchesAtTheNextSlot() throws {
        let epoch = JulianDate(unixSeconds: Self.startUTC)
        let sources = [
            ConstellationElementSets(constellation: .starlink, elementSets: try StarlinkShells.shell1.elementSets(epoch: epoch)),
            ConstellationElementSets(
                constellation: .kuiper,
                elementSets: try KuiperShells.shell1.elementSets(epoch: epoch, firstCatalogNumber: 200_000)),
        ]
        let tracker = SatelliteTracker(ephemeris: ConstellationEphemeris(sources: sources), observer: Self.zurich)
        var schedule = ScheduleService(tracker: tracker, constellations: [.starlink, .kuiper])
        schedule.permitConstellations([.starlink], from: epoch)
        var instant = epoch.adding(seconds: 20)
        let before = schedule.assignment(at: instant, position: Self.zurich, restricted: false)
        try #require(before.satelliteIndex >= 0)
        #expect(tracker.ephemeris.satellites[Int(before.satelliteIndex)].constellation == .starlink)

        // The fix 5 s later: only Kuiper from now on.
        instant = instant.adding(seconds: 5)
        let changed = schedule.permitConstellations([.kuiper], from: instant)
        #expect(changed)
        let switching = schedule.assignment(at: instant, position: Self.zurich, restricted: false)
        #expect(switching.satelliteIndex == before.satelliteIndex, "the slot in force keeps its satellite")
        #expect(switching.nextSatelliteIndex == -1)
        #expect(switching.nextOutageCause == OutageCause.noSchedule.rawValue)
        #expect(Double(switching.nextSlotStartUnixNanoseconds) / 1e9 - (Self.startUTC + 25) <= 15)
        #expect(schedule.attachedConstellation == .kuiper)

        let after = schedule.assignment(
            at: JulianDate(unixSeconds: Double(switching.nextSlotStartUnixNanoseconds) / 1e9 + 1), position: Self.zurich,
            restricted: false)
        #expect(after.outageCause == OutageCause.noSchedule.rawValue)
        try #require(after.nextSatelliteIndex >= 0)
        #expect(tracker.ephemeris.satellites[Int(after.nextSatelliteIndex)].constellation == .kuiper)
    }
}
