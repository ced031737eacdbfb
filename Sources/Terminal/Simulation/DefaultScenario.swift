extension EmbeddedDefaults {
    /// `HIL/scenarios/long/ningbo-port-call.yaml`: the default scenario of `utermd simulate`.
    public static let defaultScenarioYAML = #"""
# utermd scenario (format 1): the simulated terminal's default run (`utermd simulate`).
# A fast ferry leaves the open East China Sea, crosses the 12 nm territorial sea of the
# example policy's "China" zone (a state that bans terminals in its territory and waters;
# see Policies/README.md: an EXAMPLE built from public reports) to an anchorage off the
# Zhoushan islands, waits, and leaves. On the way in, the GNSS receiver drops out for 20 s.
format: 1
scenario: ningbo-port-call
summary: Vessel crosses a banned 12 nm territorial sea to an anchorage and back out; a GNSS outage at sea
start: 2026-08-23T00:00:00Z
tick_hz: 1000
gnss: { rate_hz: 1, accuracy_m: 5 }
route:                                            # 15 m/s (29 kn) legs
  - { t_s: 0,    lat_deg: 29.95, lon_deg: 122.72 }   # open sea, ~9 km outside the 12 nm line
  - { t_s: 1415, lat_deg: 29.95, lon_deg: 122.50 }   # anchorage, ~12 km inside the territorial sea
  - { t_s: 1655, lat_deg: 29.95, lon_deg: 122.50 }   # four minutes at anchor
  - { t_s: 3070, lat_deg: 29.95, lon_deg: 122.72 }   # back in the open sea
events:
  - { at_s: 120, gnss_outage_s: 20 }
expect:
  - transmit_off_within_ms_of_restriction: 1
  - never_transmit_in_restricted_zone_grace_ms: 1000
  - transmit_off_during_gnss_outage: true
  - transmit_on_fraction_at_least: 0.3
  - handovers_at_least: 25

"""#

    /// How messages name the embedded default scenario.
    public static let defaultScenarioSource = "<embedded HIL/scenarios/long/ningbo-port-call.yaml>"
}
