import Decoding
import Foundation
import Inference

/// Owns a model and a strategy, runs the decoding loop and publishes what happens as
/// `events`. Commands are actor methods; the loop runs one step at a time on the actor and
/// yields between steps, so a command is handled at the next step boundary.
///
/// Every change that alters what the run would produce (strategy, parameter, prompt,
/// constraint, seed) restarts the run from the prompt with the configured seed, keeping the
/// running/paused state, so the same configuration always replays the same tokens.
public actor Engine {
    /// How the event stream buffers when its consumer is slow.
    public enum Buffering: Sendable {
        /// Keep only the newest events: decoding never waits for a slow screen, memory stays bounded.
        case newest(Int)
        /// Keep everything (headless runs that record every event).
        case unbounded

        var policy: AsyncStream<EngineEvent>.Continuation.BufferingPolicy {
            switch self {
            case .newest(let count): .bufferingNewest(count)
            case .unbounded: .unbounded
            }
        }
    }

    public nonisolated let events: AsyncStream<EngineEvent>
    private let continuation: AsyncStream<EngineEvent>.Continuation

    private let model: any LanguageModel
    public private(set) var configuration: RunConfiguration
    public private(set) var state: EngineState = .idle
    public private(set) var stats = EngineStats()
    /// How long the latest step took: a stop of the whole process (Ctrl-Z) inside it is taken
    /// back by `excludeStoppedTime`.
    private var lastStepSeconds: Double?

    private var strategy: any DecodingStrategy
    private var context: DecodingContext
    private var loop: Task<Void, Never>?
    /// Identifies the current loop; bumping it makes any older loop stop at its next step
    /// boundary, so two loops can never advance the same run.
    private var loopID = 0
    private let clock = ContinuousClock()
    /// Step and stats events of the running loop not yet delivered. Each delivery can wake the
    /// consumer's thread, which on a busy machine preempts decoding (about 150 us a step, ~1%,
    /// measured at load 7 on 2 cores); delivering every `deliveryInterval` instead of every
    /// step costs a screen drawing 30 frames a second nothing it can show. Fast runs (the
    /// ToyModel) deliver every `maxHeldSteps` steps, so a consumer can still react mid-run.
    private var held: [EngineEvent] = []
    private var heldSteps = 0
    private var lastDelivery = ContinuousClock.now
    private static let deliveryInterval = Duration.milliseconds(25)
    private static let maxHeldSteps = 4
    private static let yieldInterval = Duration.milliseconds(20)

    public init(model: sending any LanguageModel, configuration: RunConfiguration, buffering: Buffering = .newest(1024)) throws {
        guard !configuration.prompt.isEmpty else { throw EngineError.emptyPrompt }
        (events, continuation) = AsyncStream.makeStream(of: EngineEvent.self, bufferingPolicy: buffering.policy)
        self.model = model
        self.configuration = configuration
        strategy = try StrategyCatalog.make(configuration.strategy, parameters: configuration.parameters)
        context = DecodingContext(model: model, prompt: configuration.prompt, maxNewTokens: configuration.maxNewTokens, seed: configuration.seed)
        // A consumer that goes away pauses decoding instead of leaving it running unseen.
        continuation.onTermination = { [weak self] _ in
            Task { await self?.pause() }
        }
    }

    // MARK: commands

    /// Runs continuously: begins the run if none is in progress, resumes it if paused.
    public func start() {
        if state == .finished { restart() }
        if state == .idle { publish(.started(configuration)) }
        setState(.running)
        startLoop()
    }

    public func pause() {
        guard state == .running else { return }
        setState(.paused)
        stopLoop()
    }

    public func resume() {
        guard state == .paused else { return }
        setState(.running)
        startLoop()
    }

    public func togglePause() {
        state == .running ? pause() : start()
    }

    /// Pauses if running and advances exactly one round.
    public func step() {
        if state == .finished { return }
        if state == .idle { publish(.started(configuration)) }
        if state != .paused { setState(.paused) }
        stopLoop()
        advance()
    }

    public func switchStrategy(to name: String) throws {
        var changed = configuration
        changed.strategy = name
        try reconfigure(changed)
    }

    /// Sets a parameter of the current strategy (or of the sampler chain), clamped to its range
    /// on this model, and restarts. Returns the value actually set.
    @discardableResult
    public func setParameter(_ name: String, to value: Double) throws -> Double {
        let known = DecodingParameters.samplerParameters + StrategyCatalog.descriptors.flatMap(\.parameters)
        guard let descriptor = known.first(where: { $0.name == name }) else {
            throw EngineError.unknownParameter(name, strategy: configuration.strategy)
        }
        let range = descriptor.range(onModelWith: model.layerCount)
        let clamped = min(max(value, range.lowerBound), range.upperBound)
        var changed = configuration
        changed.parameters.set(name, to: clamped)
        try reconfigure(changed)
        return clamped
    }

    public func setParameters(_ parameters: DecodingParameters) throws {
        var changed = configuration
        changed.parameters = parameters
        try reconfigure(changed)
    }

    public func setPrompt(_ prompt: [TokenID]) throws {
        guard !prompt.isEmpty else { throw EngineError.emptyPrompt }
        var changed = configuration
        changed.prompt = prompt
        try reconfigure(changed)
    }

    /// Hook for the constrained strategies: the constraint travels in the parameters.
    public func setConstraint(_ constraint: ConstraintSpec?) throws {
        var changed = configuration
        changed.parameters.constraint = constraint
        try reconfigure(changed)
    }

    public func setSeed(_ seed: UInt64) throws {
        var changed = configuration
        changed.seed = seed
        try reconfigure(changed)
    }

    public func setMaxNewTokens(_ count: Int) throws {
        var changed = configuration
        changed.maxNewTokens = max(0, count)
        try reconfigure(changed)
    }

    /// Restarts from the prompt with the same configuration and seed.
    public func reset() {
        restart()
    }

    /// The process was stopped for `seconds` (Ctrl-Z, then `fg`). A step that ran across the
    /// stop counted it as decoding time and would lower tok/s for the rest of the run: it is
    /// taken back from the latest step if that step lasted at least most of the stop (a stop
    /// between steps cost no step anything).
    public func excludeStoppedTime(_ seconds: Double) {
        guard seconds > 0, let last = lastStepSeconds, last >= 0.8 * seconds else { return }
        stats.decodeSeconds = max(0, stats.decodeSeconds - min(seconds, last))
        lastStepSeconds = nil
        publish(.stats(stats))
    }

    /// Ends the run (if any) as cancelled and closes the event stream.
    public func shutdown() {
        stopLoop()
        if state == .running || state == .paused { publish(.finished(.cancelled)) }
        setState(.finished)
        continuation.finish()
    }

    /// Times the model's verify cost T(n) after the run's prompt (`VerifyCost.measure`), for the
    /// speculation cost panel. As an actor method it runs between two steps, never during one;
    /// the committed KV cache is copied out first and written back after, so the run goes on
    /// exactly as if nothing had happened (decoding time excludes the measurement).
    public func measureVerifyCost() throws -> VerifyCost {
        let saved = model.cacheSegment(from: 0)
        let measured = Result { try VerifyCost.measure(model: model, after: configuration.prompt) }
        try model.restore(saved)
        return try measured.get()
    }

    /// The generated tokens of the current run so far.
    public var generatedTokens: [TokenID] { Array(context.generatedTokens) }

    // MARK: the run

    private func reconfigure(_ changed: RunConfiguration) throws {
        guard !changed.prompt.isEmpty else { throw EngineError.emptyPrompt }
        let newStrategy = try StrategyCatalog.make(changed.strategy, parameters: changed.parameters)
        configuration = changed
        restart(with: newStrategy)
    }

    private func restart(with newStrategy: (any DecodingStrategy)? = nil) {
        stopLoop()
        let resumeRunning = state == .running
        if let newStrategy {
            strategy = newStrategy
        } else if let fresh = try? StrategyCatalog.make(configuration.strategy, parameters: configuration.parameters) {
            strategy = fresh
        }
        context = DecodingContext(model: model, prompt: configuration.prompt, maxNewTokens: configuration.maxNewTokens, seed: configuration.seed)
        stats = EngineStats()
        lastStepSeconds = nil
        switch state {
        case .idle:
            return
        case .finished:
            setState(.idle)
        case .running, .paused:
            publish(.started(configuration))
            if resumeRunning { startLoop() }
        }
    }

    private func startLoop() {
        guard loop == nil else { return }
        loopID += 1
        let id = loopID
        loop = Task {
            var lastYield = clock.now, stepsSinceYield = 0
            while loopID == id, state == .running {
                advance(holdingEvents: true)
                stepsSinceYield += 1
                // Other calls to the actor (pause, a key's command) get in every `maxHeldSteps`
                // steps or `yieldInterval`, whichever comes first; yielding after every step
                // cost about 0.3% of decoding time.
                if stepsSinceYield >= Self.maxHeldSteps || clock.now - lastYield >= Self.yieldInterval {
                    await Task.yield()
                    (lastYield, stepsSinceYield) = (clock.now, 0)
                }
            }
            if loopID == id { loop = nil }
        }
    }

    private func stopLoop() {
        loopID += 1
        loop = nil
        deliverHeld()
    }

    /// One round: a finish check, the strategy's step, its events. `holdingEvents` lets the
    /// step's events wait for the next delivery (the running loop); a single step delivers them.
    private func advance(holdingEvents: Bool = false) {
        if let reason = finishReason(afterStep: nil) {
            finish(reason)
            return
        }
        do {
            if stats.steps == 0 { try evaluatePrompt() }
            let evaluationsBefore = (context.targetEvaluations, context.draftEvaluations)
            let generatedBefore = context.generatedCount
            let started = clock.now
            let result = try strategy.step(context)
            let seconds = (clock.now - started).seconds
            let trace = StepTrace(
                index: stats.steps, generatedBefore: generatedBefore, tokens: result.tokens, payload: result.payload,
                targetEvaluations: context.targetEvaluations - evaluationsBefore.0,
                draftEvaluations: context.draftEvaluations - evaluationsBefore.1, seconds: seconds)
            stats.steps += 1
            stats.generatedTokens = context.generatedCount
            stats.targetEvaluations = context.targetEvaluations
            stats.draftEvaluations = context.draftEvaluations
            stats.decodeSeconds += seconds
            lastStepSeconds = seconds
            // The first token usually comes from the prompt pass's logits: it took no decoding
            // time, and counting it would show thousands of tokens/s after one step. Only the
            // first step can use them: a later step without evaluations (SMC emitting its chosen
            // particle) shows tokens whose passes earlier steps timed.
            if stats.steps == 1, trace.targetEvaluations + trace.draftEvaluations == 0 { stats.precomputedTokens += result.tokens.count }
            held += [.step(trace), .stats(stats)]
            heldSteps += 1
            if !holdingEvents || heldSteps >= Self.maxHeldSteps || clock.now - lastDelivery >= Self.deliveryInterval { deliverHeld() }
            if let reason = finishReason(afterStep: trace) { finish(reason) }
        } catch let error as ModelError {
            if case .contextFull = error { finish(.contextFull) } else { fail(error.description) }
        } catch {
            fail("\(error)")
        }
    }

    /// Prefills the prompt before the first step so its cost is reported apart from decoding.
    private func evaluatePrompt() throws {
        let started = clock.now
        _ = try context.nextTokenLogits()
        stats.promptSeconds = (clock.now - started).seconds
        stats.targetEvaluations = context.targetEvaluations
    }

    private func finishReason(afterStep trace: StepTrace?) -> FinishReason? {
        if let trace, trace.committedTokens.contains(where: { context.vocabulary.isEndOfGeneration($0.token) }) {
            return .endOfGeneration
        }
        if context.generatedCount >= configuration.maxNewTokens { return .length }
        if context.tokens.count >= model.contextLength { return .contextFull }
        return nil
    }

    private func finish(_ reason: FinishReason) {
        stopLoop()
        publish(.finished(reason))
        setState(.finished)
    }

    private func fail(_ message: String) {
        stopLoop()
        publish(.failed(message))
        setState(.finished)
    }

    private func setState(_ newState: EngineState) {
        guard newState != state else { return }
        state = newState
        publish(.state(newState))
    }

    /// Delivers `event` after any held ones, so the stream keeps the order things happened in.
    private func publish(_ event: EngineEvent) {
        held.append(event)
        deliverHeld()
    }

    private func deliverHeld() {
        guard !held.isEmpty else { return }
        for event in held { continuation.yield(event) }
        held.removeAll(keepingCapacity: true)
        heldSteps = 0
        lastDelivery = clock.now
    }
}
