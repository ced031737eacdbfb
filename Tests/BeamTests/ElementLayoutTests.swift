import Testing

@testable import Beam

/// Element positions and their documented order.
@Suite struct ElementLayoutTests {
    @Test func theDefaultArrayHas1280ElementsInARoughCircle() throws {
        let array = try PhasedArray()
        #expect(array.elementCount == 1280)
        let positions = array.elementPositionsMetres
        let centroid = positions.reduce(SIMD2<Double>(0, 0), +) / Double(positions.count)
        #expect(isClose(centroid.x, 0, within: 1e-15) && isClose(centroid.y, 0, within: 1e-15))
        // Area of 1,280 cells of (10.3377 mm)² = 0.13679 m², an equal-area circle 0.4173 m across.
        #expect(isClose(array.equivalentApertureDiameterMetres, 0.4173, within: 1e-3))
        // Roughly circular: the farthest element is within one spacing of the equal-area radius.
        let radii = positions.map { ($0 * $0).sum().squareRoot() }
        let largest = try #require(radii.max())
        #expect(largest < array.equivalentApertureDiameterMetres / 2 + array.configuration.elementSpacingMetres)
        // Its extent along x and along y agree to one spacing.
        let width = (positions.map(\.x).max() ?? 0) - (positions.map(\.x).min() ?? 0)
        let height = (positions.map(\.y).max() ?? 0) - (positions.map(\.y).min() ?? 0)
        #expect(abs(width - height) <= array.configuration.elementSpacingMetres + 1e-12)
    }

    @Test(arguments: ArrayLattice.allCases) func elementsAreInRowMajorOrder(lattice: ArrayLattice) throws {
        let array = try PhasedArray(ArrayDescription(lattice: lattice))
        let positions = array.elementPositionsMetres
        for index in 1..<positions.count {
            let previous = positions[index - 1]
            let current = positions[index]
            // Rows from −y upward; within a row from −x to +x.
            #expect(current.y > previous.y + 1e-9 || (abs(current.y - previous.y) < 1e-9 && current.x > previous.x))
        }
    }

    @Test(arguments: ArrayLattice.allCases) func nearestNeighboursAreOneSpacingApart(lattice: ArrayLattice) throws {
        let spacing = 0.01
        let array = try PhasedArray(
            ArrayDescription(lattice: lattice, aperture: .circular(elementCount: 200), elementSpacingMetres: spacing))
        let positions = array.elementPositionsMetres
        for (index, position) in positions.enumerated() {
            let nearest =
                positions.enumerated().filter { $0.offset != index }
                .map { (($0.element - position) * ($0.element - position)).sum().squareRoot() }.min() ?? 0
            #expect(isClose(nearest, spacing, within: 1e-12))
        }
    }

    @Test func aTwoByThreeSquareGridByHand() throws {
        let array = try PhasedArray(ArrayDescription(aperture: .grid(rows: 2, columns: 3), elementSpacingMetres: 0.01))
        let expected: [SIMD2<Double>] = [
            SIMD2(-0.01, -0.005), SIMD2(0, -0.005), SIMD2(0.01, -0.005),
            SIMD2(-0.01, 0.005), SIMD2(0, 0.005), SIMD2(0.01, 0.005),
        ]
        for (position, hand) in zip(array.elementPositionsMetres, expected) {
            #expect(isClose(position.x, hand.x, within: 1e-15) && isClose(position.y, hand.y, within: 1e-15))
        }
    }

    @Test func triangularGridShiftsOddRowsByHalfASpacing() throws {
        let array = try PhasedArray(
            ArrayDescription(lattice: .triangular, aperture: .grid(rows: 2, columns: 2), elementSpacingMetres: 0.01))
        let p = array.elementPositionsMetres
        #expect(isClose(p[2].x - p[0].x, 0.005, within: 1e-15))
        #expect(isClose(p[2].y - p[0].y, 0.01 * 3.0.squareRoot() / 2, within: 1e-15))
        #expect(isClose(p[1].x - p[0].x, 0.01, within: 1e-15))
    }

    @Test func anEmptyApertureIsRefused() {
        #expect(throws: ArrayConfigurationError.noElements) {
            try PhasedArray(ArrayDescription(aperture: .circular(elementCount: 0)))
        }
        #expect(throws: ArrayConfigurationError.noElements) {
            try PhasedArray(ArrayDescription(aperture: .grid(rows: 3, columns: 0)))
        }
    }
}
