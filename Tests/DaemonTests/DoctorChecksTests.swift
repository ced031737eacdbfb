import Foundation
import HAL
import Testing

@testable import Daemon

/// `utermd doctor`'s verdicts, each failure provoked with facts built by hand: a good Pi
/// first, then one thing wrong at a time.
@Suite struct DoctorChecksTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A Raspberry Pi 5 as it should be: everything ok.
    static func goodBoard() -> DoctorFacts {
        var facts = DoctorFacts(now: now, configurationFile: "/etc/utermd/utermd.yaml")
        facts.loopFIFOPriority = 50
        facts.loopRateHertz = 1_000
        facts.data.elementSetCount = 7_000
        facts.data.newestElementSetEpoch = now.addingTimeInterval(-12 * 3_600)
        facts.data.policyDescription = "\"operator-eu\" version 3"
        facts.data.policyValidUntil = now.addingTimeInterval(90 * 86_400)
        facts.hardware.backend = "linux"
        facts.hardware.libgpiod = "2.2.1, API v2, /usr/lib/aarch64-linux-gnu/libgpiod.so.3"
        facts.hardware.chips = [
            .init(
                label: "pinctrl-rp1", expectedLineCount: 54,
                found: GPIOChipInfo(name: "gpiochip0", label: "pinctrl-rp1", lineCount: 54, path: "/dev/gpiochip0"))
        ]
        facts.hardware.lines = [
            .init(role: "fault_in", location: "pinctrl-rp1 line 24", use: GPIOLineUse(used: false, consumer: "")),
            .init(role: "transmit_enable", location: "pinctrl-rp1 line 17", use: GPIOLineUse(used: false, consumer: "")),
        ]
        facts.hardware.usbDevices = [.init(role: "beamformer", id: USBIdentifier(vendorID: 0x1209, productID: 1), present: true)]
        facts.system.rtprioLimit = 50
        facts.system.memlockLimitBytes = nil
        facts.system.fifoTrialPriority = 50
        facts.system.kernelRelease = "6.12.25-rt-v8+"
        facts.system.kernelIsPreemptRT = true
        facts.system.clockSynchronised = true
        facts.system.timeSources = ["chronyd", "gpsd"]
        facts.system.governors = ["performance", "performance", "performance", "performance"]
        facts.system.ports = [
            .init(name: "status_api", address: "127.0.0.1", port: 9201), .init(name: "rotctld", address: "127.0.0.1", port: 4533),
        ]
        return facts
    }

    func verdict(_ check: String, _ facts: DoctorFacts) throws -> DoctorFinding {
        try #require(DoctorChecks.findings(facts).first { $0.check == check }, "no finding \(check)")
    }

    @Test func aGoodBoardCanRunWithEveryCheckOK() throws {
        let report = DoctorChecks.report(Self.goodBoard())
        #expect(report.canRun)
        #expect(report.findings.allSatisfy { $0.verdict == .ok }, "\(report.findings.filter { $0.verdict != .ok })")
        #expect(
            report.findings.map(\.check) == [
                "config", "libgpiod", "gpio-chip pinctrl-rp1", "gpio-line fault_in", "gpio-line transmit_enable",
                "usb beamformer", "rlimit-rtprio", "rlimit-memlock", "sched-fifo", "preempt-rt", "cpu-dma-latency",
                "cpu-governor", "clock", "element-sets", "policy", "port status_api", "port rotctld",
            ])
        #expect(report.text().hasSuffix("the terminal can run (0 warnings)"))
    }

    /// One thing broken on the good board: which check must notice, and how severely.
    enum Breakage: String, CaseIterable, Sendable {
        case configProblem, noLibgpiod, chipMissing, chipTooSmall, chipsUnreadable, lineHeldByOther, lineHeldByUtermd
        case lineUnreadable, bridgeAbsent, bridgeNotOpenable, rtprioTooLow, memlockLimited, fifoRefused, notPreemptRT
        case dmaLatencyDenied, governorOndemand, clockUnsynchronised, elementSetsAging, elementSetsStale
        case policyRejected, policyExpiringSoon, policyExampleKey, portTaken

        /// The check that must report it and its verdict.
        var expected: (check: String, verdict: DoctorVerdict) {
            switch self {
            case .configProblem: ("config", .failed)
            case .noLibgpiod: ("libgpiod", .failed)
            case .chipMissing, .chipTooSmall: ("gpio-chip pinctrl-rp1", .failed)
            case .chipsUnreadable: ("gpio-chips", .failed)
            case .lineHeldByOther: ("gpio-line transmit_enable", .failed)
            case .lineHeldByUtermd: ("gpio-line transmit_enable", .warning)
            case .lineUnreadable: ("gpio-line fault_in", .failed)
            case .bridgeAbsent, .bridgeNotOpenable: ("usb beamformer", .failed)
            case .rtprioTooLow: ("rlimit-rtprio", .warning)
            case .memlockLimited: ("rlimit-memlock", .warning)
            case .fifoRefused: ("sched-fifo", .warning)
            case .notPreemptRT: ("preempt-rt", .warning)
            case .dmaLatencyDenied: ("cpu-dma-latency", .warning)
            case .governorOndemand: ("cpu-governor", .warning)
            case .clockUnsynchronised: ("clock", .failed)
            case .elementSetsAging: ("element-sets", .warning)
            case .elementSetsStale: ("element-sets", .failed)
            case .policyRejected: ("policy", .failed)
            case .policyExpiringSoon, .policyExampleKey: ("policy", .warning)
            case .portTaken: ("port status_api", .failed)
            }
        }

        func apply(to f: inout DoctorFacts) {
            switch self {
            case .configProblem: f.configurationProblems = ["utermd.yaml:3:1: board: cannot read x"]
            case .noLibgpiod:
                f.hardware.libgpiod = nil
                f.hardware.libgpiodProblem = "libgpiod.so.3: cannot open shared object file"
            case .chipMissing: f.hardware.chips[0].found = nil
            case .chipTooSmall: f.hardware.chips[0].found?.lineCount = 32
            case .chipsUnreadable: f.hardware.chipListProblem = "open /dev/gpiochip0: Permission denied (errno 13)"
            case .lineHeldByOther: f.hardware.lines[1].use = GPIOLineUse(used: true, consumer: "gpioset")
            case .lineHeldByUtermd: f.hardware.lines[1].use = GPIOLineUse(used: true, consumer: "utermd")
            case .lineUnreadable:
                f.hardware.lines[0].use = nil
                f.hardware.lines[0].problem = "Permission denied (errno 13)"
            case .bridgeAbsent: f.hardware.usbDevices[0].present = false
            case .bridgeNotOpenable: f.hardware.usbDevices[0].openProblem = "LIBUSB_ERROR_ACCESS"
            case .rtprioTooLow: f.system.rtprioLimit = 0
            case .memlockLimited: f.system.memlockLimitBytes = 8 << 20
            case .fifoRefused: f.system.fifoTrialProblem = "Operation not permitted (errno 1)"
            case .notPreemptRT: f.system.kernelIsPreemptRT = false
            case .dmaLatencyDenied: f.system.cpuDMALatencyProblem = "Permission denied (errno 13)"
            case .governorOndemand: f.system.governors[2] = "ondemand"
            case .clockUnsynchronised:
                f.system.clockSynchronised = false
                f.system.timeSources = []
            case .elementSetsAging: f.data.newestElementSetEpoch = f.now.addingTimeInterval(-5 * 86_400)
            case .elementSetsStale: f.data.newestElementSetEpoch = f.now.addingTimeInterval(-20 * 86_400)
            case .policyRejected: f.data.policyRejection = "signature does not verify with the operator key"
            case .policyExpiringSoon: f.data.policyValidUntil = f.now.addingTimeInterval(2 * 86_400)
            case .policyExampleKey: f.data.policyKeyIsExample = true
            case .portTaken: f.system.ports[0].problem = "bind 127.0.0.1:9201: Address already in use (errno 98)"
            }
        }
    }

    /// Each breakage is found by its check, with a remedy, and by no other check; a failure
    /// means the terminal cannot run, a warning that it can.
    @Test(arguments: Breakage.allCases)
    func eachProvokedFailureIsFoundWithARemedy(_ breakage: Breakage) throws {
        var facts = Self.goodBoard()
        breakage.apply(to: &facts)
        let report = DoctorChecks.report(facts)
        let (check, expected) = breakage.expected
        let finding = try #require(report.findings.first { $0.check == check && $0.verdict != .ok }, "\(report.text())")
        #expect(finding.verdict == expected)
        #expect(!finding.remedy.isEmpty)
        #expect(report.canRun == (expected != .failed))
        #expect(report.findings.filter { $0.verdict != .ok }.count == 1, "\(report.text())")
    }

    @Test func withoutFIFORequestedARefusedTrialIsOnlyInformation() throws {
        var facts = Self.goodBoard()
        facts.loopFIFOPriority = nil
        facts.system.rtprioLimit = 0
        facts.system.fifoTrialProblem = "Operation not permitted (errno 1)"
        #expect(try verdict("sched-fifo", facts).verdict == .ok)
        #expect(try verdict("rlimit-rtprio", facts).verdict == .ok)
        #expect(DoctorChecks.report(facts).canRun)
    }

    @Test func theSimulatedBoardNeedsNoHardware() throws {
        var facts = Self.goodBoard()
        facts.hardware = HardwareFacts()
        let report = DoctorChecks.report(facts)
        #expect(report.findings.contains { $0.check == "hardware" && $0.verdict == .ok })
        #expect(!report.findings.contains { $0.check.hasPrefix("gpio") || $0.check.hasPrefix("usb") || $0.check == "libgpiod" })
    }

    @Test func theJSONCarriesCanRunAndEveryFinding() throws {
        var facts = Self.goodBoard()
        facts.system.clockSynchronised = false
        let json = try DoctorChecks.report(facts).json()
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["canRun"] as? Bool == false)
        let findings = try #require(object["findings"] as? [[String: String]])
        #expect(findings.count == DoctorChecks.findings(facts).count)
        #expect(findings.first { $0["check"] == "clock" }?["verdict"] == "failed")
        #expect(findings.first { $0["check"] == "clock" }?["remedy"]?.contains("chrony") == true)
    }
}
