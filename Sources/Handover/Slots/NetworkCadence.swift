import Orbit

/// Each network's reconfiguration timing, and what switching to it costs: data on the
/// constellation, read by the scheduler.
///
/// Only Starlink's cadence is published (measured): 15 s slots at :12/:27/:42/:57 (Mohan et
/// al., WWW 2024; `SlotClock.starlink`). The others publish none, so each is an assumption,
/// stated here and in the README: every cadence is a whole multiple of Starlink's 15 s with
/// boundaries on its grid, so that a terminal able to use several networks decides on one
/// grid of 15 s slots and a network of period k × 15 s may change satellite only at every k-th
/// slot (the slot grid of `HandoverScheduler`).
///
/// - OneWeb: 60 s, boundaries at :57. OneWeb's beams are fixed to the satellite (16 per
///   satellite, not steered), and a satellite is in view about 4 minutes at 1,200 km, so the
///   terminal changes satellite a few times a pass, not every 15 s; a minute is our choice.
/// - Kuiper: 30 s at :12/:42. Kuiper steers its beams like Starlink but at 590–630 km its
///   satellites stay in view somewhat longer; an assumption between Starlink's and OneWeb's.
/// - Guowang, Qianfan: 60 s at :12. Nothing is published; their high shells (1,145–1,160 km)
///   are in view as long as OneWeb's.
extension Constellation {
    /// The network's reconfiguration grid (see the type's notes for what is assumed).
    package var reconfigurationClock: SlotClock {
        switch self {
        case .starlink: .starlink
        case .oneweb: SlotClock(validPeriodNanoseconds: 60_000_000_000, phaseNanoseconds: 57_000_000_000)
        case .kuiper: SlotClock(validPeriodNanoseconds: 30_000_000_000, phaseNanoseconds: 12_000_000_000)
        case .guowang, .qianfan: SlotClock(validPeriodNanoseconds: 60_000_000_000, phaseNanoseconds: 12_000_000_000)
        }
    }

    /// Seconds from leaving another network to being served by this one: an assumption of
    /// 10 s for every network (retuning the radio to the network's band plan, downlink
    /// synchronisation, random access and login). Nothing is published; Starlink's own
    /// cold-start acquisition takes minutes but reuses nothing of a running session, and a
    /// handover inside one network takes none of this. The scheduler rounds it up to whole
    /// slots (one 15 s slot).
    package var networkAcquisitionSeconds: Double { 10 }
}
