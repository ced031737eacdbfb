import Testing

@testable import Orbit

/// The networks beside Starlink: identity, and their Walker shells checked against geometry
/// worked out by hand (RAAN spacing 360°/P, phasing F·360°/T, the filings' counts).
@Suite struct ConstellationShellsTests {
    static let epoch = JulianDate(year: 2026, month: 8, day: 22, hour: 18)

    private static func angleError(_ a: Double, _ b: Double) -> Double {
        let difference = (a - b).truncatingRemainder(dividingBy: 360)
        return min(abs(difference), 360 - abs(difference))
    }

    @Test func namesAreStableAndOperatorsKnown() {
        #expect(Constellation.allCases.map(\.rawValue) == ["starlink", "oneweb", "kuiper", "guowang", "qianfan"])
        #expect(Constellation.allCases.map(\.ordinal) == [0, 1, 2, 3, 4])
        #expect(Constellation.kuiper.operatorName.contains("Amazon"))
        #expect(Constellation.oneweb.operatorName.contains("OneWeb"))
        #expect(Constellation(elementSetName: "STARLINK-1008") == .starlink)
        #expect(Constellation(elementSetName: "ONEWEB-0012") == .oneweb)
        #expect(Constellation(elementSetName: "KUIPER-S1 P00 S00") == .kuiper)
        #expect(Constellation(elementSetName: "ISS (ZARYA)") == nil)
    }

    /// The filings' totals: Kuiper 1,156 + 1,296 + 784 = 3,236; Guowang 480 + 2,000 + 3,600 +
    /// 4 × 1,728 = 12,992; Qianfan's first phase 1,296.
    @Test func shellCountsMatchTheFilings() {
        #expect(KuiperShells.all.map(\.totalSatellites) == [1_156, 1_296, 784])
        #expect(KuiperShells.all.map(\.altitudeKilometres) == [630, 610, 590])
        #expect(KuiperShells.all.map(\.inclinationDegrees) == [51.9, 42, 33])
        #expect(GuowangShells.all.reduce(0) { $0 + $1.totalSatellites } == 12_992)
        #expect(QianfanShells.all.reduce(0) { $0 + $1.totalSatellites } == 1_296)
        #expect(Constellation.oneweb.walkerShells.isEmpty)
    }

    /// Kuiper shell 1, 51.9°: 34 × 34, F = 7. By hand: planes 360/34 = 10.588235…° apart;
    /// satellites 360/34° apart in a plane; each plane shifted on by F·360/T = 7·360/1156 =
    /// 2.179930…°. Plane 3 slot 5: Ω = 31.764706°, M = 5·10.588235 + 3·2.179931 = 59.480969°;
    /// plane 33 slot 33: Ω = 349.411765°, M = (349.411765 + 71.937716) mod 360 = 61.349481°;
    /// plane 17 slot 0: Ω = 180°, M = 37.058824°.
    @Test func kuiperShell1GeometryByHand() throws {
        let sets = try KuiperShells.shell1.elementSets(epoch: Self.epoch, firstCatalogNumber: 200_000)
        #expect(sets.count == 1_156)
        let byHand: [(plane: Int, slot: Int, raan: Double, anomaly: Double)] = [
            (3, 5, 31.764_705_882, 59.480_968_858), (33, 33, 349.411_764_706, 61.349_480_969), (17, 0, 180, 37.058_823_529),
        ]
        for row in byHand {
            let set = sets[row.plane * 34 + row.slot]
            #expect(abs(set.raanDegrees - row.raan) < 1e-8)
            #expect(Self.angleError(set.meanAnomalyDegrees, row.anomaly) < 1e-8)
            #expect(set.inclinationDegrees == 51.9)
            #expect(set.name == "KUIPER-S1 P\(row.plane < 10 ? "0" : "")\(row.plane) S\(row.slot < 10 ? "0" : "")\(row.slot)")
        }
        // Adjacent planes: RAAN step 360/34, phase step 7·360/1156.
        #expect(abs(sets[34].raanDegrees - sets[0].raanDegrees - 360.0 / 34) < 1e-12)
        #expect(Self.angleError(sets[34].meanAnomalyDegrees - sets[0].meanAnomalyDegrees, 7 * 360.0 / 1_156) < 1e-12)
    }

    /// Each shell's phasing is the one that keeps satellites furthest apart, as for Starlink.
    @Test(arguments: KuiperShells.all + GuowangShells.all + QianfanShells.all)
    func presetPhasingMaximisesSeparation(shell: WalkerShell) {
        let best = WalkerShell.phasingMaximisingSeparation(
            planes: shell.planes, satellitesPerPlane: shell.satellitesPerPlane, inclinationDegrees: shell.inclinationDegrees)
        #expect(shell.phasing == best, "\(shell.name)")
    }

    /// Kepler by hand: a = 6378.135 + 630 km, T = 2π √(a³/μ) = 97.311 min (μ = 398600.8);
    /// Qianfan at 1,160 km: 108.556 min. The shells' TLE mean motion is within 0.1 % (J₂).
    @Test func periodsByHand() {
        #expect(abs(1_440 / KuiperShells.shell1.meanMotionRevsPerDay - 97.311) < 0.1)
        #expect(abs(1_440 / QianfanShells.shell1.meanMotionRevsPerDay - 108.556) < 0.12)
    }

    /// The networks' generated satellites have catalogue numbers apart from each other's and
    /// from NORAD's, and names that say their network.
    @Test func generatedShellsAreNumberedApartAndNamedForTheirNetwork() {
        var seen = Set<Int>()
        for network in Constellation.allCases {
            let sets = network.walkerElementSets(epoch: Self.epoch)
            #expect(sets.count == network.walkerShells.reduce(0) { $0 + $1.totalSatellites })
            for set in sets {
                #expect(seen.insert(set.catalogNumber).inserted)
                #expect(set.catalogNumber >= 100_000 && set.catalogNumber <= 339_999)
                #expect(Constellation(elementSetName: set.name) == network)
            }
        }
        #expect(seen.count == 4_408 + 3_236 + 12_992 + 1_296)
    }

    /// A source labelled starlink whose names say OneWeb is reported, names without a prefix are not.
    @Test func mislabelledSourcesAreFound() throws {
        let kuiper = Constellation.kuiper.walkerElementSets(epoch: Self.epoch)
        let source = ConstellationElementSets(constellation: .starlink, elementSets: Array(kuiper.prefix(3)))
        #expect(source.mislabelled.count == 3)
        var unnamed = kuiper[0]
        unnamed.name = "TEST SAT"
        #expect(ConstellationElementSets(constellation: .starlink, elementSets: [unnamed]).mislabelled.isEmpty)
    }
}
