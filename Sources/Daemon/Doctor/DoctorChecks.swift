import Foundation
import Geofence

/// The judgement of `utermd doctor`: facts in, findings out, each with its remedy. Pure, so
/// every verdict is tested with facts built by hand (`DoctorChecksTests`).
package enum DoctorChecks {
    /// Element sets older than this point worse than the beam's width: warn.
    package static let elementSetWarningAge: TimeInterval = 3 * 86_400
    /// Older than this SGP4 is useless for Starlink (they manoeuvre): fail.
    package static let elementSetFailureAge: TimeInterval = 14 * 86_400
    /// A policy expiring sooner than this: warn (the operator must sign a new one).
    package static let policyExpiryWarning: TimeInterval = 7 * 86_400

    /// Every finding, in the order an integrator fixes things: configuration, hardware,
    /// real-time, time, data, ports.
    package static func findings(_ facts: DoctorFacts) -> [DoctorFinding] {
        configuration(facts) + hardware(facts.hardware) + realTime(facts) + time(facts.system) + data(facts)
            + ports(facts.system)
    }

    /// The report of `findings(_:)`.
    package static func report(_ facts: DoctorFacts) -> DoctorReport { DoctorReport(findings: findings(facts)) }

    static func configuration(_ facts: DoctorFacts) -> [DoctorFinding] {
        let name = facts.configurationFile ?? "embedded simulated defaults"
        guard facts.configurationProblems.isEmpty else {
            return [
                DoctorFinding(
                    "config", .failed,
                    "\(name): " + facts.configurationProblems.joined(separator: "; "),
                    remedy: "fix each field named (Config/README.md); `utermd check-config \(name)` repeats these")
            ]
        }
        return [DoctorFinding("config", .ok, "\(name): valid")]
    }

    static func hardware(_ hardware: HardwareFacts) -> [DoctorFinding] {
        guard hardware.backend == "linux" else {
            return [DoctorFinding("hardware", .ok, "simulated board (HALSim): no GPIO or USB device is used")]
        }
        var findings: [DoctorFinding] = []
        if let library = hardware.libgpiod {
            findings.append(DoctorFinding("libgpiod", .ok, library))
        } else {
            findings.append(
                DoctorFinding(
                    "libgpiod", .failed, hardware.libgpiodProblem ?? "not loaded",
                    remedy: "apt install libgpiod3 (Trixie) or libgpiod2 (Bookworm)"))
        }
        if let problem = hardware.chipListProblem {
            findings.append(
                DoctorFinding(
                    "gpio-chips", .failed, problem,
                    remedy: "run as root or add the user to the gpio group (the .deb's udev rule gives /dev/gpiochip* to group utermd)"
                ))
        }
        for chip in hardware.chips {
            let check = "gpio-chip \(chip.label)"
            guard let found = chip.found else {
                findings.append(
                    DoctorFinding(
                        check, .failed, "no GPIO chip labelled \(chip.label)",
                        remedy: "check the board file against `utermd hw list` (pinctrl-rp1 on a Pi 5, pinctrl-bcm2711 on a Pi 4)"))
                continue
            }
            if found.lineCount < chip.expectedLineCount {
                findings.append(
                    DoctorFinding(
                        check, .failed, "\(found.path) has \(found.lineCount) lines, the board expects \(chip.expectedLineCount)",
                        remedy: "the board file is for another board: choose the one matching this machine"))
            } else {
                findings.append(DoctorFinding(check, .ok, "\(found.path) (\(found.name), \(found.lineCount) lines), accessible"))
            }
        }
        for line in hardware.lines {
            let check = "gpio-line \(line.role)"
            if let problem = line.problem {
                findings.append(DoctorFinding(check, .failed, "\(line.location): \(problem)", remedy: "see gpio-chip above"))
            } else if let use = line.use, use.used {
                let holder = use.consumer.isEmpty ? "an unnamed consumer" : "\"\(use.consumer)\""
                if use.consumer == "utermd" {
                    findings.append(
                        DoctorFinding(
                            check, .warning, "\(line.location) is held by utermd: the daemon is running",
                            remedy: "stop it (systemctl stop utermd) before starting another"))
                } else {
                    findings.append(
                        DoctorFinding(
                            check, .failed, "\(line.location) is held by \(holder)",
                            remedy: "stop that process, or remove the overlay/driver claiming the pin (`gpioinfo` shows it)"))
                }
            } else {
                findings.append(DoctorFinding(check, .ok, "\(line.location) free"))
            }
        }
        if let problem = hardware.usbListProblem {
            findings.append(DoctorFinding("usb", .failed, problem, remedy: "is /dev/bus/usb mounted (usbfs)?"))
        }
        for device in hardware.usbDevices {
            let check = "usb \(device.role)"
            if !device.present {
                findings.append(
                    DoctorFinding(
                        check, .failed, "\(device.id) not on any bus",
                        remedy: "plug the beamformer bridge in (`lsusb` should list \(device.id)); check its cable and power"))
            } else if let problem = device.openProblem {
                findings.append(
                    DoctorFinding(
                        check, .failed, "\(device.id) present but cannot be opened: \(problem)",
                        remedy: "the .deb's udev rule gives it to group utermd: reload rules (udevadm trigger) or replug"))
            } else {
                findings.append(DoctorFinding(check, .ok, "\(device.id) present and opened"))
            }
        }
        return findings
    }

    static func realTime(_ facts: DoctorFacts) -> [DoctorFinding] {
        let system = facts.system
        var findings: [DoctorFinding] = []
        let wanted = facts.loopFIFOPriority
        if let wanted, !system.isRoot, let limit = system.rtprioLimit, limit < UInt64(max(0, wanted)) {
            findings.append(
                DoctorFinding(
                    "rlimit-rtprio", .warning, "RLIMIT_RTPRIO \(limit) < loop.fifo_priority \(wanted)",
                    remedy: "LimitRTPRIO=\(wanted) in the unit (or CAP_SYS_NICE), or @utermd - rtprio \(wanted) in limits.conf"))
        } else {
            let limit = system.rtprioLimit.map(String.init) ?? "unlimited"
            findings.append(DoctorFinding("rlimit-rtprio", .ok, "RLIMIT_RTPRIO \(limit)\(system.isRoot ? " (root)" : "")"))
        }
        if system.isRoot || system.memlockLimitBytes == nil {
            findings.append(DoctorFinding("rlimit-memlock", .ok, "RLIMIT_MEMLOCK unlimited or root: mlockall can lock the daemon"))
        } else {
            findings.append(
                DoctorFinding(
                    "rlimit-memlock", .warning,
                    "RLIMIT_MEMLOCK \(system.memlockLimitBytes ?? 0) bytes: mlockall fails, page faults can stall the loop",
                    remedy: "LimitMEMLOCK=infinity in the unit (or CAP_IPC_LOCK)"))
        }
        if let problem = system.fifoTrialProblem {
            findings.append(
                DoctorFinding(
                    "sched-fifo", wanted == nil ? .ok : .warning,
                    "SCHED_FIFO \(system.fifoTrialPriority) refused: \(problem)"
                        + (wanted == nil ? " (the configuration does not ask for it)" : ""),
                    remedy: wanted == nil ? "" : "AmbientCapabilities=CAP_SYS_NICE in the unit, or LimitRTPRIO"))
        } else {
            findings.append(DoctorFinding("sched-fifo", .ok, "a thread became SCHED_FIFO \(system.fifoTrialPriority)"))
        }
        if system.kernelIsPreemptRT {
            findings.append(DoctorFinding("preempt-rt", .ok, "\(system.kernelRelease) is PREEMPT_RT"))
        } else {
            findings.append(
                DoctorFinding(
                    "preempt-rt", facts.loopRateHertz >= 1_000 ? .warning : .ok,
                    "\(system.kernelRelease) is not PREEMPT_RT: expect wake-up latency spikes of milliseconds under load",
                    remedy: facts.loopRateHertz >= 1_000
                        ? "a PREEMPT_RT kernel (mainline since 6.12; README \"A real-time kernel\")" : ""))
        }
        if let problem = system.cpuDMALatencyProblem {
            findings.append(
                DoctorFinding(
                    "cpu-dma-latency", .warning, "/dev/cpu_dma_latency: \(problem): idle processors wake slowly",
                    remedy: "run as root, or give group utermd write access (the .deb's udev rule does)"))
        } else {
            findings.append(DoctorFinding("cpu-dma-latency", .ok, "/dev/cpu_dma_latency writable"))
        }
        let slow = system.governors.filter { $0 != "performance" }
        if system.governors.isEmpty {
            findings.append(DoctorFinding("cpu-governor", .ok, "no cpufreq: the processors run at a fixed clock"))
        } else if slow.isEmpty {
            findings.append(DoctorFinding("cpu-governor", .ok, "performance on all \(system.governors.count) processors"))
        } else {
            findings.append(
                DoctorFinding(
                    "cpu-governor", .warning,
                    "\(Set(slow).sorted().joined(separator: ", ")) on \(slow.count) of \(system.governors.count) processors",
                    remedy: "echo performance | tee /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor"))
        }
        return findings
    }

    static func time(_ system: SystemFacts) -> [DoctorFinding] {
        let sources = system.timeSources.isEmpty ? "no time daemon running" : "source: " + system.timeSources.joined(separator: ", ")
        if system.clockSynchronised {
            return [DoctorFinding("clock", .ok, "synchronised (\(sources))")]
        }
        return [
            DoctorFinding(
                "clock", .failed, "not synchronised (adjtimex: TIME_ERROR; \(sources)): transmit stays off without valid UTC",
                remedy: "start chrony or systemd-timesyncd (with gpsd as a refclock when there is no network)")
        ]
    }

    static func data(_ facts: DoctorFacts) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let data = facts.data
        if data.elementSetsEmbedded {
            findings.append(DoctorFinding("element-sets", .ok, "embedded shells, generated at start-up (simulation)"))
        } else if let epoch = data.newestElementSetEpoch {
            let age = facts.now.timeIntervalSince(epoch)
            let days = String(format: "%.1f", age / 86_400)
            let remedy = "refresh them (CelesTrak GROUP=starlink) at least daily, e.g. a systemd timer"
            if age > elementSetFailureAge {
                findings.append(DoctorFinding("element-sets", .failed, "newest epoch \(days) days old", remedy: remedy))
            } else if age > elementSetWarningAge {
                findings.append(DoctorFinding("element-sets", .warning, "newest epoch \(days) days old", remedy: remedy))
            } else {
                findings.append(DoctorFinding("element-sets", .ok, "\(data.elementSetCount) sets, newest epoch \(days) days old"))
            }
        }
        if let rejection = data.policyRejection {
            findings.append(
                DoctorFinding(
                    "policy", .failed, "rejected: \(rejection)", remedy: "install a bundle signed by the operator's key and valid now"))
        } else if let description = data.policyDescription {
            var verdict = DoctorVerdict.ok
            var finding = "\(description): signature valid"
            var remedy = ""
            if let until = data.policyValidUntil {
                finding += ", valid until \(ISO8601UTC.format(until))"
                if until.timeIntervalSince(facts.now) < policyExpiryWarning {
                    verdict = .warning
                    remedy = "ask the operator for a newer bundle before it expires (transmit stops then)"
                }
            }
            if data.policyKeyIsExample {
                verdict = .warning
                finding += "; signed with the published EXAMPLE key"
                remedy = "install the operator's own key (policy.operator_key) for service"
            }
            findings.append(DoctorFinding("policy", verdict, finding, remedy: remedy))
        }
        return findings
    }

    static func ports(_ system: SystemFacts) -> [DoctorFinding] {
        system.ports.map { port in
            let check = "port \(port.name)"
            if let problem = port.problem {
                return DoctorFinding(
                    check, .failed, "\(port.address):\(port.port): \(problem)",
                    remedy: "stop what listens there (`ss -ltnp 'sport = :\(port.port)'`) or change \(port.name).port")
            }
            return DoctorFinding(check, .ok, "\(port.address):\(port.port) free")
        }
    }
}
