/// Who the terminal is for the service rules: its plan, how it moves, where it is registered,
/// which constellations it can use. From the daemon's configuration (`service:`).
package struct ServiceSubscription: Sendable, Hashable {
    /// The plan's name in the policy's `service_rules.plans` (nil: no plan, no plan rules).
    package var planName: String?
    /// The mobility class (a stationary plan's address rule applies to `stationary` only).
    package var mobility: MobilityClass
    /// The registered service address (needed by a plan with a service radius).
    package var serviceAddress: GeodeticCoordinate?
    /// The constellations the terminal can use.
    package var constellations: ConstellationSet
    /// The home region's name in the policy's `service_rules.regions` (nil: the region
    /// containing ``serviceAddress``).
    package var homeRegionName: String?

    /// A subscription; by default a `mobile` Starlink terminal without plan.
    package init(
        planName: String? = nil, mobility: MobilityClass = .mobile, serviceAddress: GeodeticCoordinate? = nil,
        constellations: ConstellationSet = ConstellationSet(.starlink), homeRegionName: String? = nil
    ) {
        self.planName = planName
        self.mobility = mobility
        self.serviceAddress = serviceAddress
        self.constellations = constellations
        self.homeRegionName = homeRegionName
    }
}

/// Applies a policy's service rules to the terminal's fixes, tick by tick, beside the
/// ``GeofenceEvaluator``.
///
/// - `UNKNOWN_LOCATION`, `BLOCKED_COUNTRY`, `BLOCKED_AREA` come from the geofence decision: a
///   fail-closed decision is `UNKNOWN_LOCATION` (so the rules are never laxer than the
///   geofence); otherwise, when none of the terminal's constellations may transmit, a
///   `noService` action is `BLOCKED_COUNTRY` and any other `BLOCKED_AREA`.
/// - Speed: over windows of at least ``speedWindowSeconds``, the distance between the window's
///   first and last fix less both uncertainties, over the time between them (so GNSS noise
///   does not read as speed). The code holds until a window measures within the limit.
/// - Address: the geodesic distance (Vincenty) of the fix from the service address, less the
///   fix's uncertainty, against the plan's radius; for `stationary` terminals only.
/// - Ocean and roaming: the fix's ``ServicePlace`` and the day counters the daemon keeps
///   (``ServiceDayCounters``, handed in with ``updateCounters(_:)``).
///
/// Allocation-free after `init`; use one instance from the tick.
package struct ServiceRulesEvaluator: Sendable {
    /// The subscription.
    package let subscription: ServiceSubscription
    /// The plan in force (nil: none selected, or the policy lacks it).
    package private(set) var plan: ServicePlan?
    /// The regions in force.
    package private(set) var regions: ServiceRegions?
    /// The home region's index in ``regions``.
    package private(set) var homeRegion: Int?
    /// Shortest window a speed is measured over, seconds.
    package var speedWindowSeconds: Double = 10

    private var counters = ServiceDayCounters.zero
    private var windowStart: PositionFix?
    private var lastFix: PositionFix?
    private var place: ServicePlace?
    private var measuredSpeed = Double.nan
    private var addressDistance = Double.nan

    /// An evaluator for `subscription` under `rules`.
    package init(subscription: ServiceSubscription, rules: ServiceRules = .none) {
        self.subscription = subscription
        replaceRules(rules)
    }

    /// Installs a new policy's rules (from the next decision); measurements carry over.
    package mutating func replaceRules(_ rules: ServiceRules) {
        plan = subscription.planName.flatMap { rules.plan(named: $0) }
        regions = rules.regions
        if let regions {
            if let name = subscription.homeRegionName {
                homeRegion = regions.index(named: name)
            } else if let address = subscription.serviceAddress {
                homeRegion = regions.place(of: address).region
            } else {
                homeRegion = nil
            }
        } else {
            homeRegion = nil
        }
        place = lastFix.flatMap { fix in regions?.place(of: fix.coordinate) }
    }

    /// Sets the measured speed directly, m/s: for tools judging one position
    /// (`utermd geofence check --speed-kmh`); the tick measures it from the fixes.
    package mutating func assumeMeasuredSpeed(metresPerSecond: Double) { measuredSpeed = metresPerSecond }

    /// The day counters in force (from the daemon's store).
    package mutating func updateCounters(_ counters: ServiceDayCounters) { self.counters = counters }

    /// The place of the last fix (for the day counters).
    package var lastPlace: ServicePlace? { place }

    /// Takes a usable fix the geofence accepted.
    package mutating func update(fix: PositionFix) {
        guard fix.isUsable else { return }
        if let last = lastFix, fix.monotonicTime < last.monotonicTime { return }
        lastFix = fix
        place = regions?.place(of: fix.coordinate)
        if let address = subscription.serviceAddress {
            addressDistance = VincentyGeodesic.inverse(from: address, to: fix.coordinate)?.distanceMetres ?? .nan
        }
        guard let start = windowStart, start.monotonicTime <= fix.monotonicTime else {
            windowStart = fix
            return
        }
        let seconds = GeofenceEvaluator.seconds(fix.monotonicTime - start.monotonicTime)
        guard seconds >= speedWindowSeconds else { return }
        let distance = VincentyGeodesic.inverse(from: start.coordinate, to: fix.coordinate)?.distanceMetres ?? 0
        let unexplained = distance - start.horizontalUncertaintyMetres - fix.horizontalUncertaintyMetres
        measuredSpeed = max(0, unexplained) / seconds
        windowStart = fix
    }

    /// The decision beside `geofence` on `day` (nil: UTC unknown, so the day counters'
    /// last day stands in).
    package func decide(geofence: GeofenceDecision, on day: UTCDay?) -> ServiceDecision {
        var decision = ServiceDecision(code: .okay, permittedConstellations: [])
        decision.place = place
        decision.homeRegion = homeRegion
        decision.measuredSpeedMetresPerSecond = measuredSpeed
        decision.distanceFromServiceAddressMetres = addressDistance
        let today = day ?? counters.lastObservedDay ?? UTCDay(number: 0)
        decision.daysAbroad = counters.daysAbroad(on: today)
        decision.consecutiveCoastalDays = counters.consecutiveCoastalDays(on: today)
        decision.coastalDaysThisYear = counters.coastalDaysInYear(of: today)
        decision.code = code(geofence: geofence, decision: decision)
        decision.zonePermittedConstellations = geofence.transmitPermittedConstellations.intersection(subscription.constellations)
        decision.permittedConstellations = decision.code.permitsTransmit ? decision.zonePermittedConstellations : []
        return decision
    }

    private func code(geofence: GeofenceDecision, decision: ServiceDecision) -> DisablementCode {
        if geofence.reason.isFailClosed || lastFix == nil { return .unknownLocation }
        if geofence.transmitPermittedConstellations.intersection(subscription.constellations).isEmpty {
            return geofence.action == .noService ? .blockedCountry : .blockedArea
        }
        guard let plan else { return .okay }
        if let limit = plan.speedLimitMetresPerSecond, decision.measuredSpeedMetresPerSecond > limit {
            return .movingTooFastForPolicy
        }
        if subscription.mobility == .stationary, let radius = plan.serviceRadiusMetres {
            // Unknown address: a stationary plan cannot be checked, so it is not served.
            guard decision.distanceFromServiceAddressMetres.isFinite, let fix = lastFix else { return .tooFarFromServiceAddress }
            if decision.distanceFromServiceAddressMetres - fix.horizontalUncertaintyMetres > radius {
                return .tooFarFromServiceAddress
            }
        }
        if !plan.oceanPermitted, decision.place == .ocean { return .inOcean }
        if let limit = plan.maximumDaysAbroad, let region = decision.place?.region, let homeRegion, region != homeRegion,
            decision.daysAbroad > limit
        {
            return .roamRestricted
        }
        if case .coastal = decision.place {
            if let limit = plan.maximumConsecutiveCoastalDays, decision.consecutiveCoastalDays > limit { return .roamRestricted }
            if let limit = plan.maximumCoastalDaysPerYear, decision.coastalDaysThisYear > limit { return .roamRestricted }
        }
        return .okay
    }
}
