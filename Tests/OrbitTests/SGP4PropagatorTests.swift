import Foundation
import Testing

@testable import Orbit

/// The propagator's API beyond the verification set: typed errors instead of NaN, the
/// operation modes and gravity models, dates, and the batch API.
@Suite("SGP4 propagator")
struct SGP4PropagatorTests {
    static let starlink = try? ElementSet(
        tleLine1: TLEParsingTests.starlinkLine1, tleLine2: TLEParsingTests.starlinkLine2)

    static func close(_ a: SIMD3<Double>, _ b: [Double], within tolerance: Double) -> Bool {
        (0..<3).allSatisfy { abs(a[$0] - b[$0]) < tolerance }
    }

    @Test("invalid elements are refused at initialisation with typed errors")
    func invalidElements() throws {
        var set = try #require(Self.starlink)
        set.eccentricity = 1.0
        #expect(throws: SGP4Error.meanEccentricityOutOfRange(eccentricity: 1.0)) { try SGP4Propagator(elements: set) }
        set.eccentricity = -0.1
        #expect(throws: SGP4Error.meanEccentricityOutOfRange(eccentricity: -0.1)) { try SGP4Propagator(elements: set) }
        set = try #require(Self.starlink)
        set.meanMotionRevsPerDay = 0
        #expect(throws: SGP4Error.meanMotionNotPositive(radiansPerMinute: 0)) { try SGP4Propagator(elements: set) }
        set = try #require(Self.starlink)
        set.inclinationDegrees = .nan
        #expect(throws: SGP4Error.invalidInput) { try SGP4Propagator(elements: set) }
        set = try #require(Self.starlink)
        set.epoch = JulianDate(day: .infinity, fraction: 0)
        #expect(throws: SGP4Error.invalidInput) { try SGP4Propagator(elements: set) }
    }

    @Test("non-finite and absurd times are refused", arguments: [Double.nan, .infinity, -.infinity, 2e8, -2e8])
    func invalidTimes(minutes: Double) throws {
        let propagator = try SGP4Propagator(elements: try #require(Self.starlink))
        #expect(throws: SGP4Error.invalidInput) { try propagator.propagate(minutesSinceEpoch: minutes) }
    }

    @Test("error codes and descriptions")
    func codes() {
        #expect(SGP4Error.meanEccentricityOutOfRange(eccentricity: 1.5).valladoCode == 1)
        #expect(SGP4Error.meanMotionNotPositive(radiansPerMinute: -1).valladoCode == 2)
        #expect(SGP4Error.perturbedEccentricityOutOfRange(eccentricity: 2).valladoCode == 3)
        #expect(SGP4Error.semiLatusRectumNegative(earthRadii: -0.1).valladoCode == 4)
        #expect(SGP4Error.decayed(radiusEarthRadii: 0.99).valladoCode == 6)
        #expect(SGP4Error.invalidInput.valladoCode == nil)
        #expect("\(SGP4Error.decayed(radiusEarthRadii: 0.5))".contains("decayed"))
    }

    /// SplitMix64 on [0, 1), deterministic.
    struct Random {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func next(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + next() * (range.upperBound - range.lowerBound)
        }
    }

    @Test("random elements and times: a finite state or a typed error, never NaN")
    func neverNaN() throws {
        var random = Random(state: 2006)
        var states = 0, errors = 0
        for _ in 0..<20_000 {
            let set = ElementSet(
                catalogNumber: 1, epoch: JulianDate(year: 2026, month: 1, day: 1).adding(days: random.next(0...365)),
                bstar: random.next(-0.1...0.1), inclinationDegrees: random.next(0...180),
                raanDegrees: random.next(0...360),
                eccentricity: random.next() < 0.2 ? random.next(0...1e-5) : random.next(0...0.99),
                argumentOfPerigeeDegrees: random.next(0...360), meanAnomalyDegrees: random.next(0...360),
                meanMotionRevsPerDay: random.next() < 0.5 ? random.next(0.01...17) : random.next(0.9...2.1))
            guard let propagator = try? SGP4Propagator(elements: set) else {
                errors += 1
                continue
            }
            for _ in 0..<4 {
                do {
                    let state = try propagator.propagate(minutesSinceEpoch: random.next(-20_000...20_000))
                    let all = state.positionKilometres.sum() + state.velocityKilometresPerSecond.sum()
                    #expect(all.isFinite)
                    states += 1
                } catch {
                    errors += 1
                }
            }
        }
        #expect(states > 50_000)
        print("random elements: \(states) states, \(errors) typed errors")
    }

    @Test("propagate(to:) counts minutes from the epoch")
    func dates() throws {
        let set = try #require(Self.starlink)
        let propagator = try SGP4Propagator(elements: set)
        #expect(propagator.epoch == set.epoch)
        #expect(!propagator.isDeepSpace)
        for minutes in [-1440.0, 0, 97.5, 10_000] {
            let byMinutes = try propagator.propagate(minutesSinceEpoch: minutes)
            let byDate = try propagator.propagate(to: set.epoch.adding(seconds: minutes * 60))
            let p = byMinutes.positionKilometres
            #expect(Self.close(byDate.positionKilometres, [p.x, p.y, p.z], within: 1e-6))
        }
    }

    /// python sgp4 2.27: `Satrec.sgp4init(WGS72, 'a', ...)` for 23599 (SGP4-VER.TLE) at 420 min,
    /// where the AFSPC node wrap in the Lyddane branch moves the satellite by 0.9 km.
    @Test("AFSPC operation mode matches the reference's 'a' mode")
    func afspcMode() throws {
        let line1 = "1 23599U 95029B   06171.76535463  .00085586  12891-6  12956-2 0  2905"
        let line2 = "2 23599   6.9327   0.2849 5782022 274.4436  25.2425  4.47796565123555"
        let set = try ElementSet(tleLine1: line1, tleLine2: line2)
        let afspc = try SGP4Propagator(elements: set, operationMode: .afspc)
        let improved = try SGP4Propagator(elements: set)
        let a = try afspc.propagate(minutesSinceEpoch: 420)
        let i = try improved.propagate(minutesSinceEpoch: 420)
        #expect(Self.close(a.positionKilometres, [4083.1855117983646, 22910.883068023188, 2786.356426599174], within: 1e-7))
        #expect(
            Self.close(
                a.velocityKilometresPerSecond, [-2.5366109410684707, 1.3837688745798828, 0.1681654137944036], within: 1e-10))
        #expect(
            !Self.close(
                a.positionKilometres, [i.positionKilometres.x, i.positionKilometres.y, i.positionKilometres.z], within: 0.5))
    }

    /// python sgp4 2.27: `Satrec.twoline2rv(l1, l2, WGS84).sgp4_tsince(720.0)` for STARLINK-1008.
    @Test("WGS-84 constants match the reference's wgs84")
    func wgs84() throws {
        let propagator = try SGP4Propagator(elements: try #require(Self.starlink), gravity: .wgs84)
        let state = try propagator.propagate(minutesSinceEpoch: 720)
        #expect(Self.close(state.positionKilometres, [2816.6236346131914, 3554.7502393772725, -5025.899529822953], within: 1e-7))
        #expect(
            Self.close(
                state.velocityKilometresPerSecond, [-3.8093361706061266, 6.247448978320757, 2.288113675389723], within: 1e-10))
    }

    @Test("batch propagation writes into caller buffers and reports failures")
    func batch() throws {
        let loaded = try ElementSetFile.load(
            path: SGP4VerificationTests.resource("SGP4-VER.TLE").path,
            options: ElementSetParsingOptions(verifiesChecksums: false))
        let batch = SGP4Batch(elementSets: loaded.sets)
        // 33334 cannot be initialised (perturbed eccentricity at epoch).
        #expect(batch.rejections.map(\.catalogNumber) == [33334])
        #expect(batch.rejections.first?.index == 30)
        #expect(batch.count == 32)

        let date = JulianDate(year: 2006, month: 6, day: 26)
        var results: [Result<TEMEState, SGP4Error>] = []
        let failures = batch.propagate(to: date, into: &results)
        var states = [TEMEState](
            repeating: TEMEState(positionKilometres: .one, velocityKilometresPerSecond: .one), count: batch.count)
        var errors = [SGP4Error?](repeating: nil, count: batch.count)
        let failures2 = states.withUnsafeMutableBufferPointer { stateBuffer in
            errors.withUnsafeMutableBufferPointer { errorBuffer in
                batch.propagate(to: date, into: stateBuffer, errors: errorBuffer)
            }
        }
        #expect(failures == failures2)
        #expect(failures > 0)
        for index in 0..<batch.count {
            let single = Result { () throws(SGP4Error) in try batch.propagators[index].propagate(to: date) }
            #expect(single == results[index])
            switch single {
            case .success(let state):
                #expect(states[index] == state)
                #expect(errors[index] == nil)
            case .failure(let error):
                #expect(states[index] == TEMEState(positionKilometres: .zero, velocityKilometresPerSecond: .zero))
                #expect(errors[index] == error)
            }
        }
        // A short buffer is filled as far as it goes.
        var three = [TEMEState](repeating: TEMEState(positionKilometres: .zero, velocityKilometresPerSecond: .zero), count: 3)
        three.withUnsafeMutableBufferPointer { _ = batch.propagate(to: date, into: $0) }
        #expect(three[2] == (try? batch.propagators[2].propagate(to: date)))
    }
}
