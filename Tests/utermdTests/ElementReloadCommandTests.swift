import Foundation
import Orbit
import Terminal
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The element sets a user refreshes daily (the configuration says so) reach the running
/// daemon without a restart: SIGHUP and `POST /elements/reload` read the file again, and a
/// file that cannot be used leaves the elements in use.
@Suite(.serialized) struct ElementReloadCommandTests {
    /// The Starlink shells around `unixSeconds`, as a TLE file (the same satellites each time;
    /// a later time gives later epochs, as a newer download does).
    static func elementFile(at unixSeconds: Double) throws -> String {
        try EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: unixSeconds)).map { try $0.tleText() }
            .joined()
    }

    @Test func sighupAndPostReloadTheElementSets() throws {
        let daemon = try RunSupport.Daemon()
        let file = daemon.directory.appendingPathComponent("starlink.tle").path
        let now = Date().timeIntervalSince1970
        try Self.elementFile(at: now - 3_600).write(toFile: file, atomically: true, encoding: .utf8)
        let config = daemon.configuration(logLevel: "info").replacingOccurrences(
            of: "element_sets: embedded", with: "element_sets: starlink.tle")
        try config.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 60).contains { $0.contains("READY=1") })
        let satellites = EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: now)).count

        // A newer download, then SIGHUP.
        try Self.elementFile(at: now - 1_800).write(toFile: file, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.notify.receive(until: "READY=1", within: 20).contains { $0.contains("READY=1") })

        // The same file again by POST: nothing newer.
        let same = try RunSupport.http(port: daemon.statusPort, "POST", "/elements/reload", token: daemon.token)
        #expect(same.status == 200, "\(same.body)")
        let sameBody = try #require(try JSONSerialization.jsonObject(with: Data(same.body.utf8)) as? [String: Any])
        #expect(sameBody["updated"] as? Int == 0, "\(sameBody)")
        #expect(sameBody["not_newer"] as? Int == satellites)

        // Newer still, by POST: every satellite updated.
        try Self.elementFile(at: now).write(toFile: file, atomically: true, encoding: .utf8)
        let newer = try RunSupport.http(port: daemon.statusPort, "POST", "/elements/reload", token: daemon.token)
        #expect(newer.status == 200, "\(newer.body)")
        let newerBody = try #require(try JSONSerialization.jsonObject(with: Data(newer.body.utf8)) as? [String: Any])
        #expect(newerBody["updated"] as? Int == satellites, "\(newerBody)")

        // A broken file: refused, the elements in use kept; no token: 401.
        try "garbage\r\n".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try RunSupport.http(port: daemon.statusPort, "POST", "/elements/reload", token: daemon.token)
        #expect(broken.status == 422, "\(broken.body)")
        #expect(broken.body.contains("the elements in use are kept"))
        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/elements/reload").status == 401)
        #expect(try daemon.status()["state"] is String, "still serving")

        daemon.signal(SIGTERM)
        let exit = daemon.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.log.contains("element sets reloaded from \(file): \(satellites) satellites updated"), "\(exit.log)")
        #expect(exit.log.contains("scheduler: refreshed element sets in use from the next slot"))
        #expect(!exit.log.contains("element_sets changed"), "element sets no longer wait for a restart")
    }

    @Test func theBuiltInConstellationHasNoFileToReload() throws {
        let daemon = try RunSupport.Daemon()
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 60).contains { $0.contains("READY=1") })
        let reply = try RunSupport.http(port: daemon.statusPort, "POST", "/elements/reload", token: daemon.token)
        #expect(reply.status == 409, "\(reply.body)")
        #expect(reply.body.contains("no file to reload"))
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit().status == 0)
    }
}
