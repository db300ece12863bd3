import Engine

/// Compare mode's second engine. It is driven from the runner's command task, right after
/// each command reached the primary engine, so both runs see every change in the same order
/// and restart, pause and step together.
struct ComparisonEngine {
    let mailbox: EngineMailbox
    private var engine: Engine?
    private var forwarder: Task<Void, Never>?

    init(mailbox: EngineMailbox) {
        self.mailbox = mailbox
    }

    /// Replaces any previous comparison with `engine` and restarts the primary run with it,
    /// so both begin from the prompt at the same moment.
    mutating func start(_ engine: Engine, beside primary: Engine) async {
        await stop()
        self.engine = engine
        let events = engine.events, mailbox = mailbox
        forwarder = Task.detached {
            for await event in events { mailbox.push(event) }
        }
        let primaryState = await primary.state
        await primary.reset()
        if primaryState == .running || primaryState == .finished {
            await primary.start()
            await engine.start()
        }
    }

    mutating func stop() async {
        await engine?.shutdown()
        forwarder?.cancel()
        engine = nil
        forwarder = nil
    }

    /// Applies to the comparison what `command` just did to the primary engine. `wasFinished`
    /// is the primary's state before the command.
    func follow(_ command: AppCommand, primary: Engine, wasFinished: Bool) async throws {
        guard let engine else { return }
        switch command {
        case .togglePause:
            if await primary.state == .running {
                // A comparison that already ended stays on screen unless both start over.
                let ended = await engine.state == .finished
                if wasFinished || !ended { await engine.start() }
            } else {
                await engine.pause()
            }
        case .step:
            await engine.step()
        case .switchStrategy, .setParameter, .restart, .setSeed, .setPrompt, .setConstraint:
            try await match(primary.configuration, engine)
            let primaryRunning = await primary.state == .running
            if primaryRunning, await engine.state != .running { await engine.start() }
        case .startComparison, .stopComparison, .loadConstraint, .writeTrace, .measureVerifyCost, .loadTheme, .excludeStoppedTime, .redraw, .quit:
            break
        }
    }

    /// Gives the comparison the primary's prompt, parameters and seed (each change restarts
    /// it); with nothing to change it restarts anyway, as the primary did.
    private func match(_ wanted: RunConfiguration, _ engine: Engine) async throws {
        let current = await engine.configuration
        if wanted.prompt != current.prompt { try await engine.setPrompt(wanted.prompt) }
        if wanted.parameters != current.parameters { try await engine.setParameters(wanted.parameters) }
        if wanted.seed != current.seed { try await engine.setSeed(wanted.seed) }
        if wanted.prompt == current.prompt, wanted.parameters == current.parameters, wanted.seed == current.seed { await engine.reset() }
    }
}
