import Testing

@testable import Beam

/// Local ENU ↔ array frame: axes of known mounts, and round trips.
@Suite struct MountFrameTests {
    static let attitudes: [MountAttitude] = [
        .zenith,
        .boresight(azimuthDegrees: 20, elevationDegrees: 65),
        .boresight(azimuthDegrees: 180, elevationDegrees: 45),
        .tilt(rollDegrees: 10, pitchDegrees: -30, yawDegrees: 200),
        .tilt(rollDegrees: -3.5, pitchDegrees: 7.25, yawDegrees: -41),
    ]

    @Test func zenithMountHasXEastYNorth() {
        let frame = MountFrame(.zenith)
        #expect(frame.xAxisEastNorthUp == SIMD3(1, 0, 0))
        #expect(frame.yAxisEastNorthUp == SIMD3(0, 1, 0))
        #expect(frame.boresightEastNorthUp == SIMD3(0, 0, 1))
        // Due east at 60° elevation is 30° off boresight along +x: u = sin 30° = 0.5.
        let direction = frame.arrayDirection(toward: SkyDirection(azimuthDegrees: 90, elevationDegrees: 60))
        #expect(isClose(direction.u, 0.5, within: 1e-15))
        #expect(isClose(direction.v, 0, within: 1e-15))
        #expect(isClose(direction.offBoresightDegrees, 30, within: 1e-12))
    }

    /// A north-facing dish at 45°: x stays east, y (its top edge) points north and up.
    @Test func northFacingDishByHand() {
        let frame = MountFrame(.boresight(azimuthDegrees: 0, elevationDegrees: 45))
        let h = 0.5.squareRoot()
        #expect(isClose(frame.xAxisEastNorthUp.x, 1, within: 1e-15))
        #expect(isClose(frame.boresightEastNorthUp.y, h, within: 1e-15))
        #expect(isClose(frame.boresightEastNorthUp.z, h, within: 1e-15))
        #expect(isClose(frame.yAxisEastNorthUp.y, h, within: 1e-15))
        #expect(isClose(frame.yAxisEastNorthUp.z, -h, within: 1e-15))
        // The zenith is 45° off boresight, in the −y direction of the array.
        let zenith = frame.arrayDirection(toward: SkyDirection(azimuthDegrees: 0, elevationDegrees: 90))
        #expect(isClose(zenith.v, -h, within: 1e-15))
        #expect(isClose(zenith.offBoresightDegrees, 45, within: 1e-12))
    }

    @Test(arguments: attitudes) func axesAreOrthonormalAndRightHanded(attitude: MountAttitude) {
        let frame = MountFrame(attitude)
        let x = frame.xAxisEastNorthUp
        let y = frame.yAxisEastNorthUp
        let z = frame.boresightEastNorthUp
        for axis in [x, y, z] { #expect(isClose((axis * axis).sum(), 1, within: 1e-14)) }
        #expect(isClose((x * y).sum(), 0, within: 1e-14))
        #expect(isClose((y * z).sum(), 0, within: 1e-14))
        let cross = SIMD3(x.y * y.z - x.z * y.y, x.z * y.x - x.x * y.z, x.x * y.y - x.y * y.x)
        #expect(isClose(((cross - z) * (cross - z)).sum(), 0, within: 1e-28))
    }

    @Test func boresightMountPointsWhereAsked() {
        for azimuth in stride(from: 0.0, to: 360, by: 30) {
            for elevation in [25.0, 40, 65, 89] {
                let frame = MountFrame(.boresight(azimuthDegrees: azimuth, elevationDegrees: elevation))
                let pointing = frame.boresightLookAngles
                #expect(isClose(pointing.azimuthDegrees, azimuth, within: 1e-9))
                #expect(isClose(pointing.elevationDegrees, elevation, within: 1e-9))
                // The same attitude written as an IMU tilt gives the same frame.
                let tilt = MountFrame(.tilt(rollDegrees: 0, pitchDegrees: elevation - 90, yawDegrees: azimuth))
                #expect(tilt == frame)
            }
        }
    }

    @Test func rollTipsTheBoresightTowardsEast() {
        let frame = MountFrame(.tilt(rollDegrees: 30, pitchDegrees: 0, yawDegrees: 0))
        #expect(isClose(frame.boresightLookAngles.azimuthDegrees, 90, within: 1e-9))
        #expect(isClose(frame.boresightLookAngles.elevationDegrees, 60, within: 1e-9))
    }

    @Test(arguments: attitudes) func localToArrayToLocalRoundTrips(attitude: MountAttitude) throws {
        let frame = MountFrame(attitude)
        for azimuth in stride(from: 0.0, to: 360, by: 17.5) {
            for elevation in stride(from: -80.0, through: 85, by: 11) {
                let look = SkyDirection(azimuthDegrees: azimuth, elevationDegrees: elevation)
                let inArray = frame.arrayDirection(toward: look)
                #expect(isClose((inArray.vector * inArray.vector).sum(), 1, within: 1e-14))
                let back = try #require(frame.lookAngles(of: inArray))
                #expect(back.separationDegrees(from: look) < 1e-9)
                #expect(isClose(back.elevationDegrees, elevation, within: 1e-9))
                #expect(phaseDistanceDegrees(back.azimuthDegrees, azimuth) < 1e-9)
            }
        }
    }

    @Test func lookAnglesFromVectors() throws {
        let east = try #require(SkyDirection(eastNorthUp: SIMD3(2, 0, 0)))
        #expect(east.azimuthDegrees == 90 && east.elevationDegrees == 0)
        let west = try #require(SkyDirection(eastNorthUp: SIMD3(-1, 0, 1)))
        #expect(isClose(west.azimuthDegrees, 270, within: 1e-12))
        #expect(isClose(west.elevationDegrees, 45, within: 1e-12))
        #expect(SkyDirection(eastNorthUp: SIMD3(0, 0, 0)) == nil)
    }
}
