import Foundation
import Geofence
import Testing

/// The plan rules of ``ServiceRulesEvaluator``, their precedence and the day counters, on
/// squares in the south-western quadrant (negative latitudes and longitudes).
@Suite struct ServiceRulesTests {
    /// Home: 30–31°S 60–61°W; Abroad: 30–31°S 58–59°W (1° of sea between them, ~95 km).
    static func rules(plan: ServicePlan) throws -> ServiceRules {
        let home = try squareZone("Home", west: -61, south: -31, east: -60, north: -30)
        let abroad = try squareZone("Abroad", west: -59, south: -31, east: -58, north: -30)
        return ServiceRules(regions: ServiceRegions(zones: [home, abroad]), plans: [plan])
    }

    static let homeLand = coordinate(-30.5, -60.5)
    static let abroadLand = coordinate(-30.5, -58.5)
    /// 5 km east of Home's eastern edge: within 12 nm (22.2 km).
    static let homeCoast = east(of: coordinate(-30.5, -60), metres: 5_000)
    /// Half-way between the two: ~47 km from both, beyond the band.
    static let openSea = coordinate(-30.5, -59.5)

    static func fix(_ point: GeodeticCoordinate, at seconds: Double, uncertainty: Double = 3) -> PositionFix {
        PositionFix(coordinate: point, horizontalUncertaintyMetres: uncertainty, monotonicTime: .milliseconds(Int(seconds * 1000)))
    }

    static let allow = GeofenceDecision(action: .allow, reason: .defaultAction)
    static let day = UTCDay(isoDate: "2026-08-23")

    static func evaluator(
        _ plan: ServicePlan, mobility: MobilityClass = .mobile, address: GeodeticCoordinate? = nil, at point: GeodeticCoordinate
    ) throws -> ServiceRulesEvaluator {
        var evaluator = ServiceRulesEvaluator(
            subscription: ServiceSubscription(planName: plan.name, mobility: mobility, serviceAddress: address, homeRegionName: "Home"),
            rules: try rules(plan: plan))
        evaluator.update(fix: fix(point, at: 0))
        return evaluator
    }

    @Test func placesAreLandCoastalOrOcean() throws {
        let regions = try #require(try Self.rules(plan: ServicePlan(name: "p")).regions)
        #expect(regions.place(of: Self.homeLand) == .land(region: 0))
        #expect(regions.place(of: Self.abroadLand) == .land(region: 1))
        #expect(regions.place(of: Self.homeCoast) == .coastal(region: 0))
        #expect(regions.place(of: Self.openSea) == .ocean)
        // Just beyond 12 nm of Home's edge.
        #expect(regions.place(of: east(of: coordinate(-30.5, -60), metres: MaritimeDistance.territorialSeaMetres + 200)) == .ocean)
        #expect(regions.place(of: east(of: coordinate(-30.5, -60), metres: MaritimeDistance.territorialSeaMetres - 200)) == .coastal(region: 0))
    }

    @Test func noFixIsUnknownLocationWhateverThePlan() throws {
        let evaluator = ServiceRulesEvaluator(
            subscription: ServiceSubscription(planName: "p"), rules: try Self.rules(plan: ServicePlan(name: "p")))
        var geofence = GeofenceEvaluator(policy: GeofencePolicy(rules: [], defaultAction: .allow))
        let decision = evaluator.decide(geofence: geofence.decide(at: .zero), on: Self.day)
        #expect(decision.code == .unknownLocation)
        #expect(!decision.permitsTransmit)
        #expect(decision.permittedConstellations.isEmpty)
    }

    @Test func theOceanNeedsAnOceanPlan() throws {
        let coastal = ServicePlan(name: "p", oceanPermitted: false)
        #expect(try Self.evaluator(coastal, at: Self.openSea).decide(geofence: Self.allow, on: Self.day).code == .inOcean)
        #expect(try Self.evaluator(coastal, at: Self.homeCoast).decide(geofence: Self.allow, on: Self.day).code == .okay)
        let ocean = ServicePlan(name: "p", oceanPermitted: true)
        let decision = try Self.evaluator(ocean, at: Self.openSea).decide(geofence: Self.allow, on: Self.day)
        #expect(decision.code == .okay)
        #expect(decision.permittedConstellations == ConstellationSet(.starlink))
    }

    @Test func speedFromTheFixesOverThePlansLimit() throws {
        let plan = ServicePlan(name: "p", speedLimitMetresPerSecond: 160 * ServicePlan.metresPerSecondPerKilometrePerHour)
        var evaluator = try Self.evaluator(plan, at: Self.homeLand)
        // 100 km/h for 10 s, then 200 km/h for 10 s.
        evaluator.update(fix: Self.fix(east(of: Self.homeLand, metres: 277.8), at: 10))
        #expect(evaluator.decide(geofence: Self.allow, on: Self.day).code == .okay)
        evaluator.update(fix: Self.fix(east(of: Self.homeLand, metres: 277.8 + 555.6), at: 20))
        let fast = evaluator.decide(geofence: Self.allow, on: Self.day)
        #expect(fast.code == .movingTooFastForPolicy)
        #expect(abs(fast.measuredSpeedMetresPerSecond * 3.6 - 197.8) < 0.5)  // 200 km/h less 2 × 3 m of uncertainty over 10 s
        // Noise alone (±3 m jitter on a parked car) is never speed.
        var parked = try Self.evaluator(plan, at: Self.homeLand)
        for second in 1...30 {
            parked.update(fix: Self.fix(east(of: Self.homeLand, metres: second % 2 == 0 ? 3 : -3), at: Double(second)))
        }
        #expect(parked.decide(geofence: Self.allow, on: Self.day).measuredSpeedMetresPerSecond == 0)
    }

    @Test func aStationaryPlanAwayFromItsAddress() throws {
        let plan = ServicePlan(name: "p", serviceRadiusMetres: 5_000)
        let address = Self.homeLand
        let far = try Self.evaluator(plan, mobility: .stationary, address: address, at: east(of: address, metres: 100_000))
        let decision = far.decide(geofence: Self.allow, on: Self.day)
        #expect(decision.code == .tooFarFromServiceAddress)
        #expect(abs(decision.distanceFromServiceAddressMetres - 100_000) < 1)
        let near = try Self.evaluator(plan, mobility: .stationary, address: address, at: east(of: address, metres: 4_000))
        #expect(near.decide(geofence: Self.allow, on: Self.day).code == .okay)
        // The rule is the stationary class's: a mobile terminal on the same plan is not judged by it.
        let mobile = try Self.evaluator(plan, mobility: .mobile, address: address, at: east(of: address, metres: 100_000))
        #expect(mobile.decide(geofence: Self.allow, on: Self.day).code == .okay)
        // A stationary plan without an address cannot be checked, so it is not served.
        let unknown = try Self.evaluator(plan, mobility: .stationary, address: nil, at: address)
        #expect(unknown.decide(geofence: Self.allow, on: Self.day).code == .tooFarFromServiceAddress)
    }

    @Test func precedenceIsTheDocumentedOrder() throws {
        #expect(DisablementCode.allCases == [
            .unknownLocation, .blockedCountry, .blockedArea, .movingTooFastForPolicy, .tooFarFromServiceAddress, .inOcean,
            .roamRestricted, .okay,
        ])
        // Every rule broken at once: a stationary terminal 100 km from its address, at sea, too fast.
        let plan = ServicePlan(
            name: "p", oceanPermitted: false, speedLimitMetresPerSecond: 10, serviceRadiusMetres: 1_000)
        var evaluator = try Self.evaluator(plan, mobility: .stationary, address: Self.homeLand, at: Self.openSea)
        evaluator.update(fix: Self.fix(east(of: Self.openSea, metres: 1_000), at: 10))
        #expect(evaluator.decide(geofence: Self.allow, on: Self.day).code == .movingTooFastForPolicy)
        let banned = GeofenceDecision(action: .noService, reason: .insideZone, ruleIndex: 0, zoneName: "Z")
        #expect(evaluator.decide(geofence: banned, on: Self.day).code == .blockedCountry)
        let emission = GeofenceDecision(action: .receiveOnly, reason: .insideZone, ruleIndex: 0, zoneName: "Z")
        #expect(evaluator.decide(geofence: emission, on: Self.day).code == .blockedArea)
        let stale = GeofenceDecision(action: .receiveOnly, reason: .staleFix)
        #expect(evaluator.decide(geofence: stale, on: Self.day).code == .unknownLocation)
        // Slow again: the address rule comes next, then the ocean.
        evaluator.update(fix: Self.fix(east(of: Self.openSea, metres: 1_000), at: 20))
        #expect(evaluator.decide(geofence: Self.allow, on: Self.day).code == .tooFarFromServiceAddress)
        let mobileEvaluator = try Self.evaluator(plan, mobility: .mobile, at: Self.openSea)
        #expect(mobileEvaluator.decide(geofence: Self.allow, on: Self.day).code == .inOcean)
    }

    @Test func aZoneSparingTheTerminalsConstellationIsNotABlock() throws {
        let spared = GeofenceDecision(
            action: .noService, reason: .insideZone, ruleIndex: 0, zoneName: "Banned state",
            transmitPermittedConstellations: ConstellationSet([.guowang, .qianfan]))
        let starlink = ServiceRulesEvaluator(subscription: ServiceSubscription(constellations: ConstellationSet(.starlink)))
        var domestic = ServiceRulesEvaluator(
            subscription: ServiceSubscription(constellations: ConstellationSet([.starlink, .guowang])))
        var foreign = starlink
        foreign.update(fix: Self.fix(Self.homeLand, at: 0))
        domestic.update(fix: Self.fix(Self.homeLand, at: 0))
        let refused = foreign.decide(geofence: spared, on: Self.day)
        #expect(refused.code == .blockedCountry)
        #expect(refused.zonePermittedConstellations.isEmpty)
        let decision = domestic.decide(geofence: spared, on: Self.day)
        #expect(decision.code == .okay)
        #expect(decision.permittedConstellations == ConstellationSet(.guowang))
        #expect(decision.zonePermittedConstellations == ConstellationSet(.guowang))
    }

    @Test func roamingLimitsFromTheDayCounters() throws {
        let plan = ServicePlan(
            name: "p", maximumDaysAbroad: 2, maximumConsecutiveCoastalDays: 1, maximumCoastalDaysPerYear: 3)
        let d0 = try #require(Self.day)
        func day(_ offset: Int64) -> UTCDay { UTCDay(number: d0.number + offset) }
        // Abroad since day 0: day 1 is the second day abroad (within 2), day 2 the third (over).
        var counters = ServiceDayCounters.zero
        counters.observe(.land(region: 1), on: day(0), home: 0)
        var evaluator = try Self.evaluator(plan, at: Self.abroadLand)
        evaluator.updateCounters(counters)
        #expect(evaluator.decide(geofence: Self.allow, on: day(1)).code == .okay)
        #expect(evaluator.decide(geofence: Self.allow, on: day(2)).code == .roamRestricted)
        #expect(evaluator.decide(geofence: Self.allow, on: day(2)).daysAbroad == 3)
        // Home again resets the stay abroad.
        counters.observe(.land(region: 0), on: day(3), home: 0)
        #expect(counters.daysAbroad(on: day(3)) == 0)
        // Coastal days: two in a row exceed 1.
        var coast = ServiceDayCounters.zero
        coast.observe(.coastal(region: 0), on: day(0), home: 0)
        var boat = try Self.evaluator(plan, at: Self.homeCoast)
        boat.updateCounters(coast)
        #expect(boat.decide(geofence: Self.allow, on: day(0)).code == .okay)
        coast.observe(.coastal(region: 0), on: day(1), home: 0)
        boat.updateCounters(coast)
        #expect(boat.decide(geofence: Self.allow, on: day(1)).code == .roamRestricted)
        // On land the coastal limits do not apply.
        boat.update(fix: Self.fix(Self.homeLand, at: 5))
        #expect(boat.decide(geofence: Self.allow, on: day(1)).code == .okay)
    }

    @Test func countersRunAndYearTotals() throws {
        let d0 = try #require(Self.day)
        func day(_ offset: Int64) -> UTCDay { UTCDay(number: d0.number + offset) }
        var counters = ServiceDayCounters.zero
        let first = counters.observe(.coastal(region: 0), on: day(0), home: 0)
        let again = counters.observe(.coastal(region: 0), on: day(0), home: 0)
        #expect(first)
        #expect(!again)  // same day, same place: no change
        counters.observe(.coastal(region: 0), on: day(1), home: 0)
        #expect(counters.consecutiveCoastalDays(on: day(1)) == 2)
        counters.observe(.land(region: 0), on: day(2), home: 0)
        // A day without a coastal fix has passed by day 3: the run is over.
        #expect(counters.consecutiveCoastalDays(on: day(3)) == 0)
        counters.observe(.coastal(region: 0), on: day(3), home: 0)
        #expect(counters.consecutiveCoastalDays(on: day(3)) == 1)
        #expect(counters.coastalDaysInYear(of: day(3)) == 3)
        // A new year starts the yearly count again.
        let newYear = try #require(UTCDay(isoDate: "2027-01-01"))
        counters.observe(.coastal(region: 0), on: newYear, home: 0)
        #expect(counters.coastalDaysInYear(of: newYear) == 1)
    }

    @Test func aClockSteppedBackNeitherAdvancesNorResets() throws {
        let d0 = try #require(Self.day)
        var counters = ServiceDayCounters.zero
        counters.observe(.land(region: 1), on: UTCDay(number: d0.number + 5), home: 0)
        counters.observe(.coastal(region: 0), on: UTCDay(number: d0.number + 5), home: 0)
        let before = counters
        // The clock steps back 3 days: home seen "then" would reset the stay abroad; it is ignored.
        let home = counters.observe(.land(region: 0), on: d0, home: 0)
        let coast = counters.observe(.coastal(region: 0), on: UTCDay(number: d0.number + 4), home: 0)
        #expect(!home && !coast)
        #expect(counters == before)
    }

    @Test func utcDaysAndDates() throws {
        #expect(UTCDay(unixNanoseconds: 0).description == "1970-01-01")
        #expect(UTCDay(unixNanoseconds: -1).description == "1969-12-31")
        let day = try #require(UTCDay(isoDate: "2026-08-23"))
        #expect(day.number == 20_688)
        #expect(day.year == 2026)
        #expect(UTCDay(isoDate: "2024-02-29")?.description == "2024-02-29")
        #expect(UTCDay(isoDate: "2026-02-29") == nil)
        #expect(UTCDay(isoDate: "26-08-23") == nil)
        #expect(UTCDay(unixNanoseconds: 1_787_529_599_000_000_000).description == "2026-08-23")
        #expect(UTCDay(unixNanoseconds: 1_787_529_600_000_000_000).description == "2026-08-24")
    }
}
