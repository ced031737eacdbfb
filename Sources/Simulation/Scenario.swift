import Geofence
import HAL
import Terminal

/// A simulated run: where the terminal goes, what goes wrong on the way, and what must hold.
/// Read from a scenario file (`HIL/scenarios/*.yaml`, format in `HIL/README.md`).
package struct Scenario: Sendable {
    /// One point of the route: the terminal is here at `seconds` after the start; between
    /// points it moves linearly in latitude/longitude (legs are short: a few tens of km).
    package struct Waypoint: Sendable, Hashable {
        /// Seconds after the scenario's start.
        package var seconds: Double
        /// Latitude, degrees.
        package var latitudeDegrees: Double
        /// Longitude, degrees.
        package var longitudeDegrees: Double
    }

    /// Something that happens during the run.
    package enum Event: Sendable, Hashable {
        /// A fault input goes active for `seconds`.
        case fault(FaultInput, seconds: Double)
        /// No GNSS fix arrives for `seconds`.
        case gnssOutage(seconds: Double)
        /// The beamformer bridge is unplugged for `seconds`, then plugged back.
        case unplugBeamformer(seconds: Double)
        /// Every request, write and read of the GPIO line `role` fails (as a failing chip
        /// would) for `seconds`; then the simulated operator clears the latched faults.
        case gpioFailure(GPIORole, seconds: Double)
        /// The GNSS fixes' UTC is `offsetSeconds` off the terminal's clock for `seconds` (a
        /// receiver with a wrong time, or a clock step): the time-validity condition fails.
        case fixTimeOffset(offsetSeconds: Double, seconds: Double)
        /// The operator stows the terminal (`POST /stow`) for `seconds`, then unstows it.
        case stow(seconds: Double)
        /// The terminal's UTC clock steps by `stepSeconds` (either sign) while the monotonic tick
        /// goes on, and is stepped back `seconds` later (as a time daemon would correct it): the
        /// fixes' UTC then disagrees with the clock (the clock-fault path).
        case clockStep(stepSeconds: Double, seconds: Double)
        /// The simulated operator pushes a policy bundle through the terminal's `PolicyKeeper`
        /// as the daemon does (`POST /policy`): only a `.newer` one may be accepted. The bundle
        /// forbids service within 3 km of the terminal's true position when `restrictsHere`, else
        /// only far away (and lifts every other zone).
        case policyPush(PolicyPushKind, restrictsHere: Bool)
        /// The terminal stops (stowed, lines released, the audit log closed) and starts again
        /// `downSeconds` later with its persisted audit log and accepted-policy store.
        case restart(downSeconds: Double)
        /// Every tick takes `tickMilliseconds` of (virtual) compute time for `seconds`: beyond
        /// the period, each one overruns and the loop skips the periods it missed.
        case loopOverrun(tickMilliseconds: Double, seconds: Double)
        /// The beamformer bridge answers every request with garbage of this kind for `seconds`
        /// (the requests reach it intact).
        case bridgeGarbage(BridgeGarbageKind, seconds: Double)
    }

    /// A fault input the scenario can drive.
    package enum FaultInput: String, Sendable, Hashable, CaseIterable {
        /// The PA fault input (`fault_in`).
        case paFault = "pa_fault"
        /// The over-temperature input.
        case overTemperature = "over_temperature"
    }

    /// A timed event.
    package struct TimedEvent: Sendable, Hashable {
        /// Seconds after the start.
        package var atSeconds: Double
        /// What happens.
        package var event: Event
    }

    /// What must hold for the run to pass.
    package enum Expectation: Sendable, Hashable {
        /// Whenever the true position enters a zone that forbids transmitting, the wired-back
        /// transmit-enable line is low within `milliseconds` of the first fix showing it.
        case transmitOffWithinOfRestriction(milliseconds: Double)
        /// Whenever a fault input goes active, transmit-enable is low within `milliseconds`.
        case transmitOffWithinOfFault(milliseconds: Double)
        /// Transmit-enable is never high while the true position is in a zone forbidding it
        /// (tolerating `milliseconds` after entering, for the fix cadence).
        case neverTransmitInRestrictedZone(graceMilliseconds: Double)
        /// Transmit-enable is high for at least this fraction of the run.
        case transmitOnFractionAtLeast(Double)
        /// At least this many handovers happen.
        case handoversAtLeast(Int)
        /// The beamformer bridge reconnects after every unplug.
        case beamformerReconnects
        /// Transmit-enable is low within `milliseconds` of the beamformer bridge's unplug.
        case transmitOffWithinOfUnplug(milliseconds: Double)
        /// Transmit-enable is low throughout every GNSS outage after the fix has gone stale.
        case transmitOffDuringGNSSOutage
        /// Never emitting (transmit-enable and PA supply both on) while a transmit condition is
        /// unmet; emission ends within `milliseconds` of a GPIO failure, which shows as a fault
        /// in the state and in the audit log.
        case safeUnderGPIOFailures(milliseconds: Double)
        /// The design's safety invariants, judged at every tick whatever the scenario holds
        /// (a campaign's scenarios carry this one): never emitting while a transmit condition is
        /// unmet; off within one tick of a fix inside a restricted zone, of a fault and of a
        /// stow; never on in a restricted zone (1 s of grace for the fix cadence) nor on a
        /// stale fix; every switch on audited; the audit log intact and whole when reopened
        /// (as after a restart). Passes vacuously where a cause never happened.
        case safetyInvariants
    }

    /// The scenario's name.
    package var name: String
    /// One line saying what it is.
    package var summary: String
    /// UTC of the start, nanoseconds since the Unix epoch.
    package var startUnixNanoseconds: Int64
    /// How long it runs, seconds.
    package var durationSeconds: Double
    /// Loop rate, Hz.
    package var tickHertz: Int
    /// GNSS fix rate, Hz.
    package var gnssRateHertz: Double
    /// GNSS horizontal uncertainty reported with each fix, metres.
    package var gnssAccuracyMetres: Double
    /// The route.
    package var route: [Waypoint]
    /// The events, in time order.
    package var events: [TimedEvent]
    /// The expectations.
    package var expectations: [Expectation]
    /// The platform's mobility class (the geofence's speed floor while the position is not
    /// known afresh); the geofence's default (`mobile`) when nil.
    package var mobility: MobilityClass?
    /// The subscription the service rules judge (`service:`: plan, address, constellations);
    /// nil: a `mobile` Starlink terminal without plan.
    package var service: ServiceSubscription?
    /// What the run must show of the service rules (`expect:` `service_code_reached`,
    /// `transmit_off_while_service_refused`).
    package var serviceExpectations: [ServiceExpectation] = []
    /// Seed of the simulated GNSS noise, when the scenario fixes it (a campaign's do, so that
    /// `utermd simulate --scenario F` replays them exactly); nil: the simulator's option.
    package var gnssNoiseSeed: UInt64?
    /// Seed of a generated policy (`RandomZonePolicy`) the run starts with instead of the
    /// simulator's (`zones_seed:`); nil: the simulator's policy.
    package var zonesSeed: UInt64?

    /// Builds a scenario.
    package init(
        name: String, summary: String = "", startUnixNanoseconds: Int64, durationSeconds: Double, tickHertz: Int = 1_000,
        gnssRateHertz: Double = 1, gnssAccuracyMetres: Double = 5, route: [Waypoint], events: [TimedEvent] = [],
        expectations: [Expectation] = [], mobility: MobilityClass? = nil, gnssNoiseSeed: UInt64? = nil
    ) {
        self.mobility = mobility
        self.gnssNoiseSeed = gnssNoiseSeed
        self.name = name
        self.summary = summary
        self.startUnixNanoseconds = startUnixNanoseconds
        self.durationSeconds = durationSeconds
        self.tickHertz = tickHertz
        self.gnssRateHertz = gnssRateHertz
        self.gnssAccuracyMetres = gnssAccuracyMetres
        self.route = route
        self.events = events.sorted { $0.atSeconds < $1.atSeconds }
        self.expectations = expectations
    }

    /// Where the route puts the terminal at `seconds` after the start (held at the ends).
    package func position(atSeconds seconds: Double) -> (latitudeDegrees: Double, longitudeDegrees: Double) {
        guard let first = route.first else { return (.nan, .nan) }
        guard seconds > first.seconds else { return (first.latitudeDegrees, first.longitudeDegrees) }
        for (from, to) in zip(route, route.dropFirst()) where seconds <= to.seconds {
            let span = to.seconds - from.seconds
            let fraction = span > 0 ? (seconds - from.seconds) / span : 1
            var longitudeChange = to.longitudeDegrees - from.longitudeDegrees
            if longitudeChange > 180 { longitudeChange -= 360 } else if longitudeChange < -180 { longitudeChange += 360 }
            var longitude = from.longitudeDegrees + fraction * longitudeChange
            if longitude > 180 { longitude -= 360 } else if longitude < -180 { longitude += 360 }
            return (from.latitudeDegrees + fraction * (to.latitudeDegrees - from.latitudeDegrees), longitude)
        }
        let last = route[route.count - 1]
        return (last.latitudeDegrees, last.longitudeDegrees)
    }
}

/// What a scenario expects of the service rules (see `HIL/README.md`).
package enum ServiceExpectation: Sendable, Hashable {
    /// The tick's service decision shows this code at some tick of the run.
    case codeReached(DisablementCode)
    /// Transmit-enable, read on the wire after each tick, is never high after a tick whose
    /// service decision refused transmitting.
    case transmitOffWhileRefused
    /// After the first tick at which the true position refuses the network serving (a zone
    /// banning that operator), the terminal transmits through a satellite of this network
    /// within `seconds` (the switch at the next slot boundary, then the acquisition outage).
    case networkServingWithin(ConstellationName, seconds: Double)
}
