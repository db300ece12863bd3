import Testing
import Decoding
import Engine
import Inference

struct EngineCommandTests {
    @Test func stepAdvancesExactlyOneRoundWhilePaused() async throws {
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: samplingConfiguration(maxNewTokens: 50), buffering: .unbounded)
        for _ in 0..<3 { await engine.step() }
        #expect(await engine.state == .paused)
        #expect(await engine.generatedTokens.count == 3)
        #expect(await engine.stats.steps == 3)
        await engine.shutdown()
        var steps = 0
        for await event in engine.events { if case .step = event { steps += 1 } }
        #expect(steps == 3)
    }

    /// The first token is read from the prompt pass's logits: it is not part of the decoding
    /// rate, which stays 0 until a step has evaluated something.
    @Test func tokensPerSecondLeavesOutTheTokenFromThePromptPass() async throws {
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: samplingConfiguration(maxNewTokens: 50), buffering: .unbounded)
        await engine.step()
        let first = await engine.stats
        #expect(first.generatedTokens == 1 && first.precomputedTokens == 1 && first.tokensPerSecond == 0)
        await engine.step()
        let second = await engine.stats
        #expect(second.precomputedTokens == 1 && second.tokensPerSecond == 1 / second.decodeSeconds)
        await engine.shutdown()
    }

    /// Pausing stops the loop at a step boundary, and a paused-then-resumed run produces exactly
    /// the tokens of an uninterrupted one.
    @Test func pauseHoldsAndResumeContinuesTheSameRun() async throws {
        let configuration = samplingConfiguration(maxNewTokens: 400)
        let engine = try Engine(model: ToyModel(contextLength: 1024), configuration: configuration, buffering: .unbounded)
        await engine.start()
        var iterator = engine.events.makeAsyncIterator()
        var seen: [EngineEvent] = []
        while seen.filter({ if case .step = $0 { true } else { false } }).count < 5, let event = await iterator.next() {
            seen.append(event)
        }
        await engine.pause()
        let pausedAt = await engine.generatedTokens.count
        #expect(await engine.state == .paused)
        try await Task.sleep(for: .milliseconds(50))
        #expect(await engine.generatedTokens.count == pausedAt)
        await engine.resume()
        while let event = await iterator.next() {
            seen.append(event)
            if case .finished = event { break }
        }
        #expect(committedTokens(in: seen) == (try directTokens(configuration, model: ToyModel(contextLength: 1024))))
        #expect(seen.contains(.state(.paused)) && seen.contains(.state(.running)))
    }

    /// A switch restarts from the prompt with the same seed: the new run is the new strategy's
    /// own run, and switching back reproduces the first run exactly.
    @Test func switchStrategyRestartsFromThePromptWithTheSameSeed() async throws {
        let configuration = samplingConfiguration(maxNewTokens: 20)
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: configuration, buffering: .unbounded)
        for _ in 0..<4 { await engine.step() }
        try await engine.switchStrategy(to: "greedy")
        #expect(await engine.generatedTokens.isEmpty)
        await engine.start()
        var greedy = configuration
        greedy.strategy = "greedy"
        var iterator = engine.events.makeAsyncIterator()
        var events: [EngineEvent] = []
        while let event = await iterator.next() {
            events.append(event)
            if case .finished = event { break }
        }
        #expect(committedTokens(in: events) == (try directTokens(greedy, model: ToyModel(contextLength: 512))))

        try await engine.switchStrategy(to: "sampling")
        await engine.start()
        events = []
        while let event = await iterator.next() {
            events.append(event)
            if case .finished = event { break }
        }
        #expect(committedTokens(in: events) == (try directTokens(configuration, model: ToyModel(contextLength: 512))))
    }

    /// Commands sent while the loop runs get in between steps and take effect.
    @Test func commandsInterleaveWithARunningLoop() async throws {
        let engine = try Engine(model: ToyModel(contextLength: 100_000), configuration: samplingConfiguration(maxNewTokens: 50_000), buffering: .newest(64))
        await engine.start()
        try await Task.sleep(for: .milliseconds(20))
        try await engine.setParameter("temperature", to: 0)
        try await engine.setSeed(99)
        let configuration = await engine.configuration
        #expect(configuration.parameters.sampler.temperature == 0 && configuration.seed == 99)
        await engine.pause()
        #expect(await engine.state == .paused)
        await engine.shutdown()
        #expect(await engine.state == .finished)
    }

    /// With `.newest(n)` a consumer that never reads costs nothing: the run completes and only
    /// the newest n events wait in the stream.
    @Test func slowConsumerNeverStallsDecodingAndMemoryIsBounded() async throws {
        let engine = try Engine(model: ToyModel(contextLength: 4096), configuration: samplingConfiguration(maxNewTokens: 2000), buffering: .newest(8))
        await engine.start()
        while await engine.state != .finished { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await engine.generatedTokens.count == 2000)
        await engine.shutdown()
        var buffered: [EngineEvent] = []
        for await event in engine.events { buffered.append(event) }
        #expect(buffered.count == 8)
        #expect(buffered.contains(.finished(.length)))
    }

    @Test func resetReplaysTheSameRun() async throws {
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: samplingConfiguration(maxNewTokens: 10), buffering: .unbounded)
        for _ in 0..<10 { await engine.step() }
        let first = await engine.generatedTokens
        await engine.reset()
        for _ in 0..<10 { await engine.step() }
        #expect(await engine.generatedTokens == first)
    }
}
