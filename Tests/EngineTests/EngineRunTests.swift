import Testing
import Decoding
import Engine
import Inference

struct EngineRunTests {
    @Test func runPublishesStartedStepsStatsAndFinish() async throws {
        let configuration = samplingConfiguration(maxNewTokens: 12)
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: configuration, buffering: .unbounded)
        await engine.start()
        let events = await eventsUntilEnd(of: engine)
        guard case .started(let started) = events.first else {
            Issue.record("first event is \(String(describing: events.first))")
            return
        }
        #expect(started == configuration)
        #expect(events.last == .finished(.length))
        let steps = events.compactMap { if case .step(let trace) = $0 { trace } else { nil } }
        #expect(steps.map(\.index) == Array(0..<12))
        #expect(committedTokens(in: events) == (try directTokens(configuration, model: ToyModel(contextLength: 512))))
        let stats = events.compactMap { if case .stats(let stats) = $0 { stats } else { nil } }.last
        #expect(stats?.generatedTokens == 12)
        // One evaluation for the prompt, then one per token except the last (never evaluated).
        #expect(stats?.targetEvaluations == 12)
        #expect(await engine.state == .finished)
    }

    @Test func sameSeedSameTokensAcrossEnginesAndSeedsDiffer() async throws {
        func run(seed: UInt64) async throws -> [TokenID] {
            let engine = try Engine(model: ToyModel(contextLength: 512), configuration: samplingConfiguration(seed: seed, maxNewTokens: 40), buffering: .unbounded)
            await engine.start()
            return committedTokens(in: await eventsUntilEnd(of: engine))
        }
        let first = try await run(seed: 5)
        #expect(first.count == 40)
        #expect(first == (try await run(seed: 5)))
        #expect(first != (try await run(seed: 6)))
    }

    @Test func endOfGenerationAndContextFullEndTheRun() async throws {
        var eos = samplingConfiguration()
        eos.parameters.sampler.logitBias = [ToyVocabulary.endToken: 30]
        let eosEngine = try Engine(model: ToyModel(), configuration: eos, buffering: .unbounded)
        await eosEngine.start()
        let eosEvents = await eventsUntilEnd(of: eosEngine)
        #expect(eosEvents.last == .finished(.endOfGeneration))
        #expect(committedTokens(in: eosEvents) == [ToyVocabulary.endToken])

        let full = samplingConfiguration(maxNewTokens: 100, temperature: 0)
        let fullEngine = try Engine(model: ToyModel(contextLength: 8), configuration: full, buffering: .unbounded)
        await fullEngine.start()
        let fullEvents = await eventsUntilEnd(of: fullEngine)
        #expect(fullEvents.last == .finished(.contextFull))
        #expect(committedTokens(in: fullEvents).count == 6)
    }

    @Test func beamSearchRunsThroughTheEngine() async throws {
        var configuration = samplingConfiguration(maxNewTokens: 6)
        configuration.strategy = "beam"
        configuration.parameters.beamWidth = 3
        let engine = try Engine(model: ToyModel(seed: 7), configuration: configuration, buffering: .unbounded)
        await engine.start()
        let events = await eventsUntilEnd(of: engine)
        let tokens = committedTokens(in: events)
        #expect(tokens == (try directTokens(configuration, model: ToyModel(seed: 7))))
        #expect(events.contains { if case .step(let trace) = $0, case .beams = trace.payload { true } else { false } })
    }

    @Test func emptyPromptAndUnknownNamesAreRejected() async throws {
        #expect(throws: EngineError.emptyPrompt) {
            try Engine(model: ToyModel(), configuration: RunConfiguration(strategy: "greedy", seed: 1, prompt: [], maxNewTokens: 4))
        }
        #expect(throws: UnknownStrategy.self) {
            try Engine(model: ToyModel(), configuration: RunConfiguration(strategy: "nope", seed: 1, prompt: [1], maxNewTokens: 4))
        }
        let engine = try Engine(model: ToyModel(), configuration: samplingConfiguration())
        await #expect(throws: EngineError.self) { try await engine.setParameter("warp-factor", to: 9) }
        #expect(try await engine.setParameter("top-p", to: 7) == 1)
        #expect(await engine.configuration.parameters.sampler.topP == 1)
        // The ToyModel has 4 layers: an early exit goes no deeper than layer 3.
        #expect(try await engine.setParameter("exit-layer", to: 40) == 3)
    }
}
