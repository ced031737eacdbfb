import DishAPI
import Testing

@Suite("Dish API models: link, history ring, polar obstruction map")
struct DishModelTests {
    @Test func slantRangeAndModelledLatency() {
        #expect(abs(DishLinkModel.slantRangeKilometres(elevationDegrees: 90) - 550) < 1e-9)
        // At the horizon: √((R+h)² − R²) = √(6921² − 6371²) ≈ 2,704 km.
        #expect(abs(DishLinkModel.slantRangeKilometres(elevationDegrees: 0) - 2_703.8) < 0.5)
        // Overhead: 4 × 550 km / c + 16 ms = 7.34 + 16 ms.
        #expect(abs(DishLinkModel.popPingLatencyMilliseconds(elevationDegrees: 90) - 23.338) < 0.01)
        #expect(DishLinkModel.popPingLatencyMilliseconds(elevationDegrees: .nan).isNaN)
        #expect(
            DishLinkModel.popPingLatencyMilliseconds(elevationDegrees: 25)
                > DishLinkModel.popPingLatencyMilliseconds(elevationDegrees: 60))
        #expect(DishLinkModel.popPingDropRate(inOutage: true, trackingFraction: 1) == 1)
        #expect(DishLinkModel.popPingDropRate(inOutage: false, trackingFraction: 0.75) == 0.25)
        #expect(DishLinkModel.throughputBitsPerSecond(dropRate: 1) == (0, 0))
    }

    static func second(_ index: Int, outage: SpaceX_API_Device_DishOutage.Cause? = nil) -> DishHistorySecond {
        DishHistorySecond(
            utcSeconds: Int64(100 + index), popPingDropRate: outage == nil ? 0 : 1, popPingLatencyMilliseconds: Float(index),
            downlinkBitsPerSecond: 0, uplinkBitsPerSecond: 0, outageCause: outage)
    }

    @Test func historyRingBeforeItFills() {
        let response = DishHistoryRing.response(seconds: (0..<3).map { Self.second($0) }, total: 3)
        #expect(response.current == 3)
        #expect(response.popPingLatencyMs.count == 900)
        #expect(Array(response.popPingLatencyMs[0..<4]) == [0, 1, 2, 0])
    }

    @Test func historyRingAfterItWrapsAndWhenSamplesWereMissed() {
        // 1,801 samples ever, the window kept the newest 5: numbers 1,796...1,800.
        let seconds = (0..<5).map { Self.second(1_796 + $0) }
        let response = DishHistoryRing.response(seconds: seconds, total: 1_801)
        #expect(response.current == 1_801)
        #expect(response.popPingLatencyMs[1_800 % 900] == 1_800)
        #expect(response.popPingLatencyMs[1_796 % 900] == 1_796)
    }

    @Test func outageRunsJoinEqualCausesOnly() {
        let seconds = [
            Self.second(0, outage: .booting), Self.second(1, outage: .booting), Self.second(2), Self.second(3, outage: .noSats),
            Self.second(4, outage: .obstructed),
        ]
        let outages = DishHistoryRing.response(seconds: seconds, total: 5).outages
        #expect(outages.map(\.cause) == [.booting, .noSats, .obstructed])
        #expect(outages[0].durationNs == 2_000_000_000 && outages[0].startTimestampNs == 100_000_000_000)
    }

    @Test func polarMapPutsNorthUpEastRightAndKeepsNoData() {
        // 4 azimuth bins (N, E, S, W quadrants) × 2 elevation bins; only the low northern
        // quadrant is obstructed (0), the high eastern one never observed (−1).
        let grid: [Double] = [0, 1, 1, 1, 1, -1, 1, 1]
        let map = PolarObstructionMap.resample(azimuthBinCount: 4, elevationBinCount: 2, signalQuality: grid)
        #expect(map.sideCells == 123 && map.signalQuality.count == 123 * 123)
        func value(_ azimuth: Double, _ elevation: Double) -> Float? {
            PolarObstructionMap.cell(azimuthDegrees: azimuth, elevationDegrees: elevation).map {
                map.signalQuality[$0.row * 123 + $0.column]
            }
        }
        #expect(value(10, 20) == 0)  // low north: obstructed
        #expect(value(100, 20) == 1)  // low east: clear
        #expect(value(100, 60) == -1)  // high east: no data
        #expect(value(350, 20) == 1)  // low, west of north: the western quadrant
        #expect(value(0, 5) == nil)  // below the map's 10°
        let north = PolarObstructionMap.cell(azimuthDegrees: 0, elevationDegrees: 20)
        let east = PolarObstructionMap.cell(azimuthDegrees: 90, elevationDegrees: 20)
        #expect((north?.row ?? 99) < 61 && north?.column == 61)
        #expect((east?.column ?? 0) > 61 && east?.row == 61)
        #expect(map.signalQuality[0] == -1 && map.signalQuality[123 * 123 - 1] == -1)
    }

    @Test func aGridThatDoesNotMatchItsCountsGivesNoData() {
        let map = PolarObstructionMap.resample(azimuthBinCount: 72, elevationBinCount: 18, signalQuality: [1, 1])
        #expect(map.signalQuality.allSatisfy { $0 == -1 })
    }
}
