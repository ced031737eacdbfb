import Testing

@testable import Daemon

/// Issue 14: with gpsd down the daemon warned every 2 s forever. It backs off to a minute,
/// says so only as the wait grows, and says once that the source is back.
@Suite struct ReconnectBackoffTests {
    @Test func waitsDoubleToAMinuteAndLogOnlyAsTheyGrow() {
        var backoff = ReconnectBackoff()
        let retries = (0..<10).map { _ in backoff.failed() }
        #expect(retries.map(\.delaySeconds) == [2, 4, 8, 16, 32, 60, 60, 60, 60, 60])
        #expect(retries.map(\.logs) == [true, true, true, true, true, true, false, false, false, false])
        // A day down: a handful of warnings, not 43,200.
        var day = ReconnectBackoff()
        var logged = 0, waited = 0.0
        while waited < 86_400 {
            let retry = day.failed()
            waited += retry.delaySeconds
            if retry.logs { logged += 1 }
        }
        #expect(logged <= 6)
    }

    @Test func theReturnIsSaidOnceAndTheWaitStartsOver() throws {
        var backoff = ReconnectBackoff()
        let first = backoff.connected()
        #expect(first == nil, "a first connection is no return")
        _ = backoff.failed()
        _ = backoff.failed()
        let returned = backoff.connected()
        let outage = try #require(returned)
        #expect(outage.failures == 2 && outage.downSeconds == 6)
        let again = backoff.connected()
        #expect(again == nil, "said once")
        let retry = backoff.failed()
        #expect(retry == ReconnectBackoff.Retry(delaySeconds: 2, logs: true))
    }
}
