import Foundation
import Testing

/// Issue 14, a Pi integrator's first boot: the unit starts on any Debian, a configuration
/// error is not restarted forever, and the token recipe makes a file the daemon can read.
@Suite struct ServiceFileTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: CommandLineTests.repository.appendingPathComponent(path).path, encoding: .utf8)
    }

    static func values(of key: String, in unit: String) -> [String] {
        unit.split(separator: "\n").filter { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// Debian's static groups (base-passwd): the only ones the unit may name, since systemd
    /// refuses to start a unit whose SupplementaryGroups= names a missing group.
    static let debianGroups: Set<String> = {
        guard let master = try? String(contentsOfFile: "/usr/share/base-passwd/group.master", encoding: .utf8) else { return [] }
        return Set(master.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) })
    }()

    @Test func theUnitNamesOnlyGroupsEveryDebianHas() throws {
        let unit = try Self.text("systemd/utermd.service")
        let groups = Self.values(of: "SupplementaryGroups", in: unit).flatMap { $0.split(separator: " ").map(String.init) }
        #expect(!groups.contains("gpio"), "no group gpio outside Raspberry Pi OS")
        if !Self.debianGroups.isEmpty {
            for group in groups { #expect(Self.debianGroups.contains(group), "\(group) is not a Debian base group") }
        }
        // GPIO access comes from the udev rule the unit's install notes name.
        #expect(unit.contains("60-utermd-gpio.rules"))
        let rule = try Self.text("systemd/60-utermd-gpio.rules")
        #expect(rule.contains(#"KERNEL=="gpiochip*""#) && rule.contains(#"GROUP="utermd""#))
    }

    @Test func aConfigurationErrorIsNotRestarted() throws {
        let unit = try Self.text("systemd/utermd.service")
        #expect(Self.values(of: "RestartPreventExitStatus", in: unit) == ["78"])
        #expect(Self.values(of: "Restart", in: unit) == ["on-failure"])
    }

    @Test func theTokenRecipeMakesAFileTheDaemonsGroupCanRead() throws {
        for file in ["Config/rpi5.yaml", "systemd/utermd.service"] {
            let text = try Self.text(file)
            #expect(
                text.contains("chown root:utermd /etc/utermd/token") && text.contains("chmod 0640 /etc/utermd/token"), "\(file)")
            #expect(!text.contains("chmod 600"), "\(file): a root-only token cannot be read by User=utermd")
        }
    }
}
