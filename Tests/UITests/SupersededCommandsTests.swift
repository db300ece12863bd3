import Testing
@testable import UI

/// A held key queues one command per press; only the newest of each kind restarts the run.
struct SupersededCommandsTests {
    @Test func onlyTheNewestSettingOfAKindRuns() {
        let superseded = SupersededCommands()
        let presses: [AppCommand] = [.setParameter("temperature", 0.9), .setParameter("top-p", 0.9), .setParameter("temperature", 1.0),
                                     .togglePause, .setParameter("temperature", 1.1), .setSeed(7)]
        for command in presses { superseded.queue(command) }
        let run = presses.filter { !superseded.isSuperseded($0) }
        #expect(run == [.setParameter("top-p", 0.9), .togglePause, .setParameter("temperature", 1.1), .setSeed(7)])
        superseded.queue(.setParameter("temperature", 1.2))
        #expect(!superseded.isSuperseded(.setParameter("temperature", 1.2)), "counts return to zero once the queue drains")
    }
}
