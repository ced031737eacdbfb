import Foundation
import Testing

@testable import Handover

/// The obstruction map: learning, reset, static sectors and the dish-style statistics.
@Suite struct ObstructionMapTests {
    @Test func observationsAreAveragedPerCellAndResettable() {
        var map = ObstructionMap()
        #expect(map.signalQuality.allSatisfy { $0 == ObstructionMap.noData })
        #expect(map.signalQuality(azimuthDegrees: 100, elevationDegrees: 40) == -1)
        map.record(signalQuality: 0.2, azimuthDegrees: 101, elevationDegrees: 41)
        #expect(map.signalQuality(azimuthDegrees: 104.9, elevationDegrees: 44.9) == 0.2)
        map.record(signalQuality: 1.0, azimuthDegrees: 102, elevationDegrees: 43)
        #expect(abs(map.signalQuality(azimuthDegrees: 100, elevationDegrees: 40) - 0.4) < 1e-12)
        #expect(map.isObstructed(azimuthDegrees: 100, elevationDegrees: 40))
        #expect(!map.isObstructed(azimuthDegrees: 105, elevationDegrees: 40))
        map.record(signalQuality: 7, azimuthDegrees: 200, elevationDegrees: 89.99)
        #expect(map.signalQuality(azimuthDegrees: 200, elevationDegrees: 90) == 1)
        map.record(signalQuality: .nan, azimuthDegrees: 10, elevationDegrees: 10)
        map.record(signalQuality: 0, azimuthDegrees: 10, elevationDegrees: -1)
        #expect(map.observationCount == 3)
        #expect(map.blocksAnything)
        map.resetLearned()
        #expect(map.observationCount == 0 && !map.blocksAnything)
        #expect(map.signalQuality.allSatisfy { $0 == ObstructionMap.noData })
    }

    /// Sectors block up to their top, edges included, and may wrap through north; a reset
    /// keeps them.
    @Test func staticSectorsBlockUpToTheirTopAndWrapThroughNorth() {
        var map = ObstructionMap(staticSectors: [
            ObstructionSector(label: "tree line", azimuthFromDegrees: 330, azimuthToDegrees: 20, maximumElevationDegrees: 35)
        ])
        #expect(map.isObstructed(azimuthDegrees: 340, elevationDegrees: 30))
        #expect(map.isObstructed(azimuthDegrees: 10, elevationDegrees: 35))
        #expect(map.isObstructed(azimuthDegrees: 330, elevationDegrees: 0))
        #expect(!map.isObstructed(azimuthDegrees: 10, elevationDegrees: 35.01))
        #expect(!map.isObstructed(azimuthDegrees: 21, elevationDegrees: 10))
        #expect(!map.isObstructed(azimuthDegrees: 180, elevationDegrees: 10))
        #expect(map.isObstructed(azimuthDegrees: 180, elevationDegrees: -0.1))
        map.resetLearned()
        #expect(map.isObstructed(azimuthDegrees: 0, elevationDegrees: 30))
        #expect(map.staticSectors[0].widthDegrees == 50)
    }

    /// Statistics weight cells by solid angle above the minimum elevation, by wedge.
    @Test func statisticsFollowTheDishVocabulary() {
        let clear = ObstructionMap().statistics()
        #expect(clear.fractionObstructed == 0 && clear.fractionKnown == 0)
        #expect(clear.wedgeFractionObstructed == Array(repeating: 0, count: 12))

        let whole = ObstructionMap(staticSectors: [
            ObstructionSector(azimuthFromDegrees: 0, azimuthToDegrees: 0, maximumElevationDegrees: 90)
        ]).statistics()
        #expect(abs(whole.fractionObstructed - 1) < 1e-12 && abs(whole.fractionKnown - 1) < 1e-12)

        let eastHalf = ObstructionMap(staticSectors: [
            ObstructionSector(azimuthFromDegrees: 0, azimuthToDegrees: 180, maximumElevationDegrees: 90)
        ]).statistics()
        #expect(abs(eastHalf.fractionObstructed - 0.5) < 1e-12)
        #expect(eastHalf.wedgeFractionObstructed == Array(repeating: 1, count: 6) + Array(repeating: 0, count: 6))

        // One 5° × 5° cell from 60° to 65°: its share of the sky above 25° by solid angle.
        var map = ObstructionMap()
        map.record(signalQuality: 0, azimuthDegrees: 92, elevationDegrees: 62)
        let one = map.statistics(minimumElevationDegrees: 25)
        let radians = Double.pi / 180
        let expected = (5.0 / 360) * (sin(65 * radians) - sin(60 * radians)) / (1 - sin(25 * radians))
        #expect(abs(one.fractionObstructed - expected) < 1e-12)
        #expect(abs(one.wedgeFractionObstructed[3] - expected * 12) < 1e-12)
        #expect(one.wedgeFractionObstructed.enumerated().allSatisfy { $0.offset == 3 || $0.element == 0 })
        #expect(map.statistics(minimumElevationDegrees: 70).fractionObstructed == 0)
    }
}
