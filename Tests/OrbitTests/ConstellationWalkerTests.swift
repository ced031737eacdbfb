import Testing

@testable import Orbit

/// Walker-delta shells and the Starlink-like presets.
@Suite struct ConstellationWalkerTests {
    static let epoch = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)

    /// Angular distance between two angles in degrees, folding 360 onto 0.
    private static func angleError(_ a: Double, _ b: Double) -> Double {
        let difference = (a - b).truncatingRemainder(dividingBy: 360)
        return min(abs(difference), 360 - abs(difference))
    }

    @Test func presetCounts() throws {
        #expect(StarlinkShells.shell1.totalSatellites == 1_584)
        #expect(StarlinkShells.shell2.totalSatellites == 720)
        #expect(StarlinkShells.shell3.totalSatellites == 520)
        #expect(StarlinkShells.shell4.totalSatellites == 1_584)
        #expect(try StarlinkShells.shell1.elementSets(epoch: Self.epoch).count == 1_584)
        #expect(try WalkerShell.elementSets(of: StarlinkShells.all, epoch: Self.epoch).count == 4_408)
    }

    @Test func presetsMatchTheDesignNotes() {
        let shell1 = StarlinkShells.shell1
        #expect(shell1.planes == 72 && shell1.satellitesPerPlane == 22)
        #expect(shell1.altitudeKilometres == 550 && shell1.inclinationDegrees == 53)
        let parameters = StarlinkShells.all.map {
            [$0.altitudeKilometres, $0.inclinationDegrees, Double($0.planes), Double($0.satellitesPerPlane)]
        }
        #expect(parameters == [[550, 53, 72, 22], [570, 70, 36, 20], [560, 97.6, 10, 52], [540, 53.2, 72, 22]])
    }

    /// Shell 1: nodes every 360/72 = 5°, slots every 360/22°, neighbouring planes offset by
    /// F · 360/T = 65 · 360/1584°.
    @Test func raanAndAnomalySpacing() throws {
        let shell = StarlinkShells.shell1
        let sets = try shell.elementSets(epoch: Self.epoch)
        for plane in 0..<shell.planes {
            for slot in 0..<shell.satellitesPerPlane {
                let set = sets[plane * shell.satellitesPerPlane + slot]
                #expect(abs(set.raanDegrees - 5.0 * Double(plane)) < 1e-12)
                let expected = 360.0 * Double(slot) / 22 + 65 * 360.0 * Double(plane) / 1_584
                #expect(Self.angleError(set.meanAnomalyDegrees, expected) < 1e-9)
                #expect(set.meanAnomalyDegrees >= 0 && set.meanAnomalyDegrees < 360)
            }
        }
        #expect(Self.angleError(sets[1].meanAnomalyDegrees - sets[0].meanAnomalyDegrees, 360.0 / 22) < 1e-12)
        #expect(Self.angleError(sets[22].meanAnomalyDegrees - sets[0].meanAnomalyDegrees, 65 * 360.0 / 1_584) < 1e-12)
    }

    /// Going once round all P planes adds F whole slots: plane P would be plane 0 moved on by F
    /// slots, so the pattern closes on itself (Walker 1984).
    @Test(arguments: [0, 1, 5, 17])
    func patternClosesAfterAllPlanes(phasing: Int) throws {
        let shell = try WalkerShell(
            name: "TEST", altitudeKilometres: 550, inclinationDegrees: 53, planes: 24, satellitesPerPlane: 11,
            phasing: phasing)
        for slot in 0..<shell.satellitesPerPlane {
            let wrapped = shell.meanAnomalyDegrees(plane: shell.planes, slot: slot)
            let closing = shell.meanAnomalyDegrees(plane: 0, slot: slot + phasing)
            #expect(Self.angleError(wrapped, closing) < 1e-9)
        }
    }

    /// Closest approach between any two satellites, against python (numpy) two ways: the
    /// same closed form, and brute force stepping u in 0.05° over a whole orbit for every
    /// pair with satellite (0, 0) (which can only overestimate, by < 0.002°):
    /// F = 1 gives 0.027894°, 0.020555°, 0.003599°, 0.096517° (brute: 0.0283, 0.0206, 0.0081
    /// at 0.25° steps, 0.0966); the chosen F give 0.591466°, 0.533252°, 0.457742°, 0.396942°
    /// (brute: 0.5918, 0.5333, 0.4593, 0.3975).
    @Test func closestApproachMatchesPython() throws {
        let chosen = [0.591_466_432_967_692_6, 0.533_252_407_285_959_5, 0.457_742_176_769_024, 0.396_942_397_378_587_66]
        let phasingOne = [
            0.027_894_479_753_851_776, 0.020_554_567_042_433_598, 0.003_599_230_018_802_236, 0.096_517_472_590_273_18,
        ]
        for (index, shell) in StarlinkShells.all.enumerated() {
            #expect(abs(shell.minimumSeparationDegrees - chosen[index]) < 1e-9, "\(shell.name)")
            let withPhasingOne = try WalkerShell(
                name: shell.name, altitudeKilometres: shell.altitudeKilometres,
                inclinationDegrees: shell.inclinationDegrees, planes: shell.planes,
                satellitesPerPlane: shell.satellitesPerPlane, phasing: 1)
            #expect(abs(withPhasingOne.minimumSeparationDegrees - phasingOne[index]) < 1e-9, "\(shell.name)")
        }
        #expect(abs(StarlinkShells.shell1.minimumSeparationKilometres - 71.519_074_101_043_59) < 1e-6)
    }

    /// The presets' phasing is the one that keeps satellites furthest apart.
    @Test(arguments: StarlinkShells.all)
    func presetPhasingMaximisesSeparation(shell: WalkerShell) {
        let best = WalkerShell.phasingMaximisingSeparation(
            planes: shell.planes, satellitesPerPlane: shell.satellitesPerPlane,
            inclinationDegrees: shell.inclinationDegrees)
        #expect(shell.phasing == best)
    }

    /// F = 0 in a polar-ish single-satellite-per-plane pattern: all satellites cross the
    /// poles together, so they meet (separation 0).
    @Test func phasingZeroCollidesAtThePoles() throws {
        let shell = try WalkerShell(
            name: "POLAR", altitudeKilometres: 800, inclinationDegrees: 90, planes: 6, satellitesPerPlane: 1, phasing: 0)
        #expect(shell.minimumSeparationDegrees < 1e-6)
    }

    @Test func circularOrbitsWithoutDrag() throws {
        for set in try StarlinkShells.shell3.elementSets(epoch: Self.epoch) {
            #expect(set.eccentricity == 0 && set.argumentOfPerigeeDegrees == 0)
            #expect(set.bstar == 0 && set.meanMotionDot == 0 && set.meanMotionDDot == 0)
            #expect(set.inclinationDegrees == 97.6 && set.epoch == Self.epoch)
        }
    }

    /// Kepler: a = 6378.135 + 550 km, T = 2π √(a³/μ) = 95.64979585468014 min (python, μ = 398600.8).
    /// The TLE mean motion gives 1440 / n = 95.64 min; both ≈ 95.6 min.
    @Test func periodOfA550KilometreOrbit() {
        let kepler = CircularOrbit.keplerianPeriodMinutes(altitudeKilometres: 550)
        #expect(abs(kepler - 95.649_795_854_680_14) < 1e-9)
        #expect(abs(kepler - 95.6) < 0.1)
        let tlePeriod = 1_440 / StarlinkShells.shell1.meanMotionRevsPerDay
        #expect(abs(tlePeriod - 95.6) < 0.1)
    }

    /// The Kozai mean motion for which python sgp4 2.27's sgp4init recovers a″ = R⊕ + h
    /// (`Satrec().sgp4init(WGS72, 'i', 1, 26000.0, 0, 0, 0, 0, 0, radians(i), 0, n, 0)`, then
    /// `satrec.a * 6378.135` gave 6928.135, 6948.135, 6938.135, 6918.135 km), rev/day.
    @Test(arguments: [
        (550.0, 53.0, 15.055816463872352), (570.0, 70.0, 14.983312768840136),
        (560.0, 97.6, 15.012628815451055), (540.0, 53.2, 15.088370360529943),
    ])
    func kozaiMeanMotionMatchesPythonSGP4(altitude: Double, inclination: Double, expected: Double) {
        let meanMotion = CircularOrbit.kozaiMeanMotionRevsPerDay(altitudeKilometres: altitude, inclinationDegrees: inclination)
        #expect(abs(meanMotion - expected) < 1e-11)
    }

    /// Keplerian mean motion, python: sqrt(398600.8 / (6378.135 + 550)**3) * 86400 / (2 * pi).
    @Test func keplerianMeanMotion() {
        let meanMotion = CircularOrbit.keplerianMeanMotionRevsPerDay(altitudeKilometres: 550)
        #expect(abs(meanMotion - 15.054919742722491) < 1e-11)
    }

    @Test func catalogueNumbersAndNamesAreUnique() throws {
        let sets = try WalkerShell.elementSets(of: StarlinkShells.all, epoch: Self.epoch, firstCatalogNumber: 70_000)
        #expect(Set(sets.map(\.catalogNumber)).count == sets.count)
        #expect(Set(sets.map(\.name)).count == sets.count)
        #expect(sets.map(\.catalogNumber) == Array(70_000..<(70_000 + 4_408)))
        #expect(sets.allSatisfy { $0.name.count <= 24 })
        #expect(sets[0].name == "STARLINK-S1 P00 S00")
        #expect(sets[1_583].name == "STARLINK-S1 P71 S21")
        #expect(sets[1_584].name == "STARLINK-S2 P00 S00")
    }

    @Test func defaultCatalogueBase() throws {
        let sets = try StarlinkShells.shell2.elementSets(epoch: Self.epoch)
        #expect(sets.first?.catalogNumber == WalkerShell.defaultFirstCatalogNumber)
        #expect(sets.last?.catalogNumber == WalkerShell.defaultFirstCatalogNumber + 719)
    }

    @Test func catalogueNumbersMustFitATLE() {
        #expect(throws: WalkerShellError.catalogNumbersOutOfRange(first: 339_000, last: 340_583)) {
            try StarlinkShells.shell1.elementSets(epoch: Self.epoch, firstCatalogNumber: 339_000)
        }
        #expect(throws: WalkerShellError.catalogNumbersOutOfRange(first: 0, last: 719)) {
            try StarlinkShells.shell2.elementSets(epoch: Self.epoch, firstCatalogNumber: 0)
        }
    }

    @Test func invalidShellsAreRefused() {
        #expect(throws: WalkerShellError.emptyShell(planes: 0, satellitesPerPlane: 22)) {
            try WalkerShell(
                name: "X", altitudeKilometres: 550, inclinationDegrees: 53, planes: 0, satellitesPerPlane: 22, phasing: 0)
        }
        #expect(throws: WalkerShellError.phasingOutOfRange(phasing: 72, planes: 72)) {
            try WalkerShell(
                name: "X", altitudeKilometres: 550, inclinationDegrees: 53, planes: 72, satellitesPerPlane: 22, phasing: 72)
        }
        #expect(throws: WalkerShellError.altitudeOutOfRange(altitudeKilometres: -1)) {
            try WalkerShell(
                name: "X", altitudeKilometres: -1, inclinationDegrees: 53, planes: 1, satellitesPerPlane: 1, phasing: 0)
        }
        #expect(throws: WalkerShellError.inclinationOutOfRange(inclinationDegrees: 181)) {
            try WalkerShell(
                name: "X", altitudeKilometres: 550, inclinationDegrees: 181, planes: 1, satellitesPerPlane: 1, phasing: 0)
        }
        let error = WalkerShellError.phasingOutOfRange(phasing: 72, planes: 72)
        #expect(error.description.contains("0…71"))
    }
}
