import Decoding
import Engine
import Foundation

/// Runs the app: one inbox of messages (keys and resizes from the display, ticks of the frame
/// clock, signals), `App.update` for each, engine commands sent in order on their own task.
/// On each tick the engine events that arrived since the last one are applied and a frame is
/// drawn if anything changed. Decoding never waits for the screen and the screen never waits
/// for decoding.
@MainActor
public final class AppRunner {
    private let display: any Display
    private let engine: Engine
    private let services: AppServices
    public private(set) var state: AppState
    private var recorder = TraceRecorder()
    private let mailbox = EngineMailbox()
    private let comparisonMailbox = EngineMailbox()
    private let inbox: AsyncStream<Msg>
    private let send: AsyncStream<Msg>.Continuation
    private let commands: AsyncStream<AppCommand>.Continuation
    private let commandStream: AsyncStream<AppCommand>
    private let superseded = SupersededCommands()
    /// The frame most recently drawn (`--dump-frame` writes its text).
    public private(set) var lastFrame: ScreenBuffer?

    public init(display: any Display, engine: Engine, state: AppState, services: AppServices) {
        self.display = display
        self.engine = engine
        self.services = services
        var initial = state
        initial.size = display.size
        self.state = initial
        (inbox, send) = AsyncStream.makeStream(of: Msg.self)
        (commandStream, commands) = AsyncStream.makeStream(of: AppCommand.self)
    }

    /// Runs until the user quits or a termination signal arrives. `startPaused` waits for
    /// Space (or `.` to step) before decoding.
    public func run(startPaused: Bool = false) async {
        let forwarder = forwardEngineEvents()
        let executor = executeCommands()
        let clock = pumpInputAndFrames()
        if startPaused {
            state.status = .paused
        } else {
            await engine.start()
        }
        for command in App.launch(&state) { perform(command) }
        for await msg in inbox {
            if case .frame = msg {
                for event in mailbox.drain() {
                    recorder.record(event)
                    for command in App.update(&state, .engine(event)) { perform(command) }
                }
                for event in comparisonMailbox.drain() {
                    for command in App.update(&state, .comparisonEngine(event)) { perform(command) }
                }
            }
            for command in App.update(&state, msg) { perform(command) }
            if state.quitting { break }
            if case .frame = msg, state.dirty { drawFrame() }
        }
        // Return at once so the terminal is given back without waiting for a step in flight
        // (a debug build's forward pass can take seconds); the engine stops with the process.
        clock.cancel()
        commands.finish()
        executor.cancel()
        forwarder.cancel()
    }

    private func drawFrame() {
        let frame = App.render(state)
        display.draw(frame)
        lastFrame = frame
        state.dirty = false
    }

    private func perform(_ command: AppCommand) {
        switch command {
        case .redraw:
            display.invalidate()
            state.dirty = true
        case .writeTrace:
            writeTrace()
        case .loadTheme(let offset):
            let names = services.themes.names
            guard !names.isEmpty else {
                send.yield(.notice("no theme files found: no Themes folder beside the executable or here; set DECODELAB_THEMES", isError: true))
                return
            }
            let current = names.firstIndex(of: state.theme.name) ?? -1
            let next = names[((current + offset) % names.count + names.count) % names.count]
            do {
                send.yield(.themeLoaded(try services.themes.load(next)))
            } catch {
                send.yield(.notice(error.description, isError: true))
            }
        case .loadConstraint(let reference, let thenStrategy):
            // Compiling a grammar takes about a millisecond: checking it here reports a bad one
            // before the engine is touched, so the previous constraint stays in force.
            do {
                let constraint = try services.loadConstraint(reference)
                commands.yield(.setConstraint(constraint, thenStrategy: thenStrategy, warnings: try constraint.warnings()))
            } catch {
                send.yield(.notice("\(error)", isError: true))
            }
        case .quit:
            break
        default:
            superseded.queue(command)
            commands.yield(command)
        }
    }

    /// Saves the run on screen with the header `replay` needs. The file is claimed now, so
    /// every press gets its own; it is written off the main actor because the model's identity
    /// may need hashing the first time.
    private func writeTrace() {
        guard let configuration = recorder.configuration else {
            send.yield(.notice("no run has started yet: nothing to save", isError: true))
            return
        }
        let path: String
        do {
            path = try services.tracePath()
        } catch {
            send.yield(.notice("could not save the trace: \(error)", isError: true))
            return
        }
        let events = recorder.events, unfinished = recorder.isFinished ? "" : " (run unfinished)"
        let promptText = state.promptText, chat = state.chat, services = services, send = send
        Task.detached {
            do {
                let header = TraceHeader(model: try await services.modelIdentity(), activations: services.activations,
                                         promptText: promptText, chat: chat, configuration: configuration)
                try TraceRecorder.write(events, header: header, to: path)
                send.yield(.notice("trace saved\(unfinished): \(path)", isError: false))
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                send.yield(.notice("could not save the trace \(path): \(error)", isError: true))
            }
        }
    }

    /// Engine commands, one at a time in the order they were asked for.
    private func executeCommands() -> Task<Void, Never> {
        let engine = engine, services = services, send = send, stream = commandStream, comparisonMailbox = comparisonMailbox
        let superseded = superseded
        return Task.detached {
            var comparison = ComparisonEngine(mailbox: comparisonMailbox)
            for await command in stream {
                if superseded.isSuperseded(command) { continue }
                let wasFinished = await engine.state == .finished
                do {
                    switch command {
                    case .togglePause: await engine.togglePause()
                    case .step: await engine.step()
                    case .switchStrategy(let name): try await engine.switchStrategy(to: name)
                    case .setParameter(let name, let value): try await engine.setParameter(name, to: value)
                    case .restart: await engine.reset()
                    case .setSeed(let seed): try await engine.setSeed(seed)
                    case .setPrompt(let text, let chat): try await engine.setPrompt(services.encodePrompt(text, chat))
                    case .setConstraint(let constraint, let thenStrategy, let warnings):
                        try await engine.setConstraint(constraint)
                        if let thenStrategy { try await engine.switchStrategy(to: thenStrategy) }
                        send.yield(.constraintLoaded(constraint, strategy: thenStrategy, warnings: warnings))
                    case .startComparison(let configuration):
                        guard let make = services.makeComparisonEngine else {
                            send.yield(.comparisonEngine(.failed("this session cannot make a second engine to compare with")))
                            continue
                        }
                        let second: Engine
                        do {
                            second = try make(configuration)
                        } catch {
                            // The pane says why instead of waiting forever to start.
                            send.yield(.comparisonEngine(.failed("\(error)")))
                            throw error
                        }
                        await comparison.start(second, beside: engine)
                    case .stopComparison: await comparison.stop()
                    case .measureVerifyCost:
                        do {
                            send.yield(.verifyCostMeasured(try await engine.measureVerifyCost()))
                        } catch {
                            send.yield(.verifyCostFailed("\(error)"))
                        }
                    case .excludeStoppedTime(let seconds): await engine.excludeStoppedTime(seconds)
                    case .loadConstraint, .writeTrace, .loadTheme, .redraw, .quit: break
                    }
                    // A finished run that was reconfigured goes back to idle: replay it, so
                    // one key shows the same prompt and seed under the change. (A run that
                    // never started, `--paused`, stays waiting for Space or `.`.)
                    if command.replays, wasFinished, await engine.state == .idle { await engine.start() }
                    try await comparison.follow(command, primary: engine, wasFinished: wasFinished)
                } catch {
                    send.yield(.notice("\(error)", isError: true))
                    if command.replays { send.yield(.configurationRefused(await engine.configuration)) }
                }
            }
        }
    }

    private func forwardEngineEvents() -> Task<Void, Never> {
        let events = engine.events, mailbox = mailbox
        return Task.detached {
            for await event in events { mailbox.push(event) }
        }
    }

    /// Polls input every few milliseconds (never blocking the main actor) and ticks the frame
    /// clock at `App.framesPerSecond`. A deadline that fell behind (the process was stopped
    /// with Ctrl-Z) restarts from now instead of bursting, and the stop is reported so the
    /// engine's rate leaves it out: nothing else holds this loop up for a second.
    private func pumpInputAndFrames() -> Task<Void, Never> {
        let send = send, display = display
        return Task { @MainActor in
            let clock = ContinuousClock()
            let interval = Duration.seconds(1) / App.framesPerSecond
            var deadline = clock.now
            var lastPass = clock.now
            while !Task.isCancelled {
                let passStart = clock.now
                let gap = passStart - lastPass
                lastPass = passStart
                if gap > .seconds(1) { send.yield(.resumedAfterStop(seconds: gap.seconds)) }
                for event in display.poll() {
                    switch event {
                    case .key(let key): send.yield(.key(key))
                    case .resize(let size): send.yield(.resize(size))
                    case .terminationRequested(let signal): send.yield(.terminationRequested(signal: signal))
                    }
                }
                let now = clock.now
                if now >= deadline {
                    send.yield(.frame)
                    deadline += interval
                    if deadline < now { deadline = now + interval }
                }
                try? await Task.sleep(for: .milliseconds(8))
            }
        }
    }
}
