import Testing

@testable import Terminal

/// The operator's stow can be lifted; the stow before the daemon stops cannot.
@Suite struct StowControlTests {
    @Test func anOperatorStowIsLifted() {
        let channels = TerminalChannels(elementCount: 16)
        #expect(!channels.isStowRequested)
        #expect(channels.unstow() == .notStowed)
        channels.stow.requestStop()
        #expect(channels.isStowRequested)
        #expect(channels.unstow() == .resumed)
        #expect(!channels.isStowRequested)
        #expect(channels.unstow() == .notStowed)
    }

    @Test func theStowBeforeStoppingStays() {
        let channels = TerminalChannels(elementCount: 16)
        channels.stow.requestStop()
        channels.finalStow.requestStop()
        #expect(channels.unstow() == .stopping)
        #expect(channels.isStowRequested)
        let stopping = TerminalChannels(elementCount: 16)
        stopping.finalStow.requestStop()
        #expect(stopping.unstow() == .stopping)
        #expect(stopping.isStowRequested, "SIGTERM's stow leads to the stop whatever is asked")
    }
}
