import Foundation
import Testing

@testable import Daemon
@testable import Terminal

/// `element_sets:` as a list of networks' sources: each satellite carries the network the
/// configuration gives it, bad names are located, and mislabelled files are warned about.
@Suite struct NetworkElementSourcesTests {
    static let data = DaemonConfigurationTests.repository.appendingPathComponent("Tests/Data").path

    func parse(_ yaml: String) throws(DataFileErrors) -> DaemonConfiguration {
        try DaemonConfigurationFile.parse(yaml: yaml, file: "test.yaml", baseDirectory: Self.data)
    }

    @Test func aListOfNetworksLoadsEachWithItsNetwork() throws {
        let configuration = try parse(
            DaemonConfigurationTests.minimal.replacingOccurrences(of: "audit_log: audit.log", with: "audit_log: /tmp/a.log")
                + """
                element_sets:
                  - { constellation: oneweb, source: oneweb_celestrak_2026-08-22.tle }
                  - { constellation: kuiper, source: embedded }

                """)
        #expect(
            configuration.elementSets
                == .networks([
                    .init(constellation: .oneweb, file: Self.data + "/oneweb_celestrak_2026-08-22.tle"),
                    .init(constellation: .kuiper, file: nil),
                ]))
        let resources = try DaemonResources.load(configuration, now: Date())
        #expect(resources.elementSets.count == 651 + 3_236)
        #expect(resources.elementSetConstellations.count == resources.elementSets.count)
        #expect(resources.elementSetConstellations.first == .oneweb && resources.elementSetConstellations.last == .kuiper)
        #expect(!resources.warnings.contains { $0.contains("named for another network") })
        #expect(
            ConfigurationSummary.lines(configuration, resources).contains { $0.contains("oneweb (") && $0.contains("kuiper (") })
    }

    @Test func anUnknownNetworkOrAShelllessEmbeddedSourceIsLocated() {
        let found = DaemonConfigurationTests().problems(
            DaemonConfigurationTests.minimal + """
                element_sets:
                  - { constellation: telesat, source: x.tle }
                  - { constellation: oneweb, source: embedded }

                """)
        #expect(found.count == 2)
        #expect(
            found.first?.contains("test.yaml:8:") == true && found.first?.contains("unknown constellation \"telesat\"") == true)
        #expect(found.last?.contains("oneweb has no built-in shells") == true)
    }

    @Test func aMislabelledFileIsWarnedAbout() throws {
        let configuration = try parse(
            DaemonConfigurationTests.minimal.replacingOccurrences(of: "audit_log: audit.log", with: "audit_log: /tmp/a.log")
                + "element_sets: [{ constellation: starlink, source: oneweb_celestrak_2026-08-22.tle }]\n")
        let resources = try DaemonResources.load(configuration, now: Date())
        #expect(resources.warnings.contains { $0.contains("given as starlink") && $0.contains("ONEWEB-") })
    }
}
