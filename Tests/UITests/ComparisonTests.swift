import Decoding
import Engine
import Inference
import Testing
import UI

/// Compare mode (`C`): the second strategy is picked from the strategy list, runs on the same
/// prompt, parameters, constraint and seed, and is drawn beside the first.
@Suite struct ComparisonTests {
    static let lookupKey = Character(String((StrategyCatalog.descriptors.firstIndex { $0.name == "speculative-lookup" } ?? 0) + 1))

    @Test func cThenAPickConfiguresASecondRunWithTheSameSeed() async throws {
        var state = try await ToyRun.state(strategy: "greedy", steps: 10, seed: 7, size: Size(width: 120, height: 40))
        #expect(App.update(&state, .key(.character("C"))).isEmpty)
        #expect(state.overlay == .comparisonPicker(selected: 1), "starts past the running strategy (greedy, 1st)")
        #expect(App.render(state).text.contains("Compare with"))
        let commands = App.update(&state, .key(.character(Self.lookupKey)))
        guard case .startComparison(let configuration) = commands.first, commands.count == 1 else {
            Issue.record("picking must start one comparison run, got \(commands)")
            return
        }
        #expect(configuration.strategy == "speculative-lookup")
        #expect(configuration.seed == 7 && configuration.seed == state.configuration.seed)
        #expect(configuration.prompt == state.configuration.prompt)
        #expect(configuration.parameters == state.configuration.parameters)
        #expect(configuration.maxNewTokens == state.configuration.maxNewTokens)
        #expect(state.configuration.strategy == "greedy", "the primary run keeps its strategy")
        #expect(state.overlay == nil && state.comparison?.strategy == "speculative-lookup")

        #expect(App.update(&state, .key(.character("r"))) == [.restart], "r restarts; the runner applies it to both runs")
        #expect(App.update(&state, .key(.character("C"))) == [.stopComparison])
        #expect(state.comparison == nil && state.configuration.strategy == "greedy")
    }

    @Test func escapeLeavesCompareModeAndIsHarmlessOtherwise() async throws {
        var state = try await ToyRun.state(steps: 4, size: Size(width: 80, height: 24))
        #expect(App.update(&state, .key(.escape)).isEmpty)
        _ = App.update(&state, .key(.character("C")))
        #expect(App.update(&state, .key(.escape)).isEmpty, "Esc in the picker cancels")
        #expect(state.overlay == nil && state.comparison == nil)
        _ = App.update(&state, .key(.character("C")))
        _ = App.update(&state, .key(.enter))
        #expect(state.comparison != nil)
        #expect(App.update(&state, .key(.escape)) == [.stopComparison])
        #expect(state.comparison == nil)
    }

    @Test func aConstrainedStrategyWithoutAConstraintIsRefused() async throws {
        var state = try await ToyRun.state(steps: 2, size: Size(width: 80, height: 24))
        guard let constrained = state.strategies.firstIndex(where: \.needsConstraint) else { return }
        _ = App.update(&state, .key(.character("C")))
        for _ in 0..<constrained { _ = App.update(&state, .key(.down)) }
        #expect(App.update(&state, .key(.enter)).isEmpty)
        #expect(state.comparison == nil && state.notice?.isError == true)
    }

    @Test func aStrategyIsNotComparedWithItself() async throws {
        var state = try await ToyRun.state(strategy: "greedy", steps: 2, size: Size(width: 80, height: 24))
        _ = App.update(&state, .key(.character("C")))
        #expect(App.update(&state, .key(.character("1"))).isEmpty)
        #expect(state.comparison == nil && state.notice?.isError == true)
        #expect(state.notice?.text.contains("greedy is the running strategy") == true)
    }

    @Test func eventsOfAClosedComparisonAreDropped() async throws {
        var state = try await ToyRun.state(steps: 2, size: Size(width: 80, height: 24))
        _ = App.update(&state, .comparisonEngine(.finished(.cancelled)))
        #expect(state.comparison == nil)
    }

    /// Greedy beside speculative lookup at temperature 0 on the ToyModel: the same text to the
    /// end of generation, each run with its own counts; drawn at both reference sizes.
    @Test func splitScreenShowsBothRunsSideBySide() async throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = try await compared(size: size)
            let primaryText = state.tokens.filter(\.traced.source.isCommitted).map(\.traced.token)
            let secondText = state.comparison?.tokens.filter(\.traced.source.isCommitted).map(\.traced.token) ?? []
            #expect(!primaryText.isEmpty && primaryText == secondText, "lossless speculation at temperature 0 writes the greedy text")
            #expect(state.status == .finished(.endOfGeneration) && state.comparison?.status == .finished(.endOfGeneration))
            let frame = App.render(state)
            assertSnapshot(frame, named: "compare-\(size.width)x\(size.height)")
            let half = size.width / 2
            #expect(frame.line(1).prefix(half).contains("[1] greedy"))
            #expect(frame.line(1).dropFirst(half).contains("[\(Self.lookupKey)] speculative-lookup"))
            let bottom = frame.line(size.height - 2)
            #expect(bottom.contains("\(state.stats.generatedTokens) tok · \(state.stats.targetEvaluations) evals"))
            if let second = state.comparison?.stats {
                #expect(bottom.contains("\(second.generatedTokens) tok · \(second.targetEvaluations) evals"))
            }
            _ = App.update(&state, .resize(Size(width: 60, height: 20)))
            #expect(App.render(state).text.contains("60"), "too small: the notice, not a broken split")
        }
    }

    private func compared(size: Size) async throws -> AppState {
        var state = try await ToyRun.state(strategy: "greedy", steps: 12, size: size)
        state.configuration.parameters.set("temperature", to: 0)
        _ = App.update(&state, .key(.character("C")))
        guard case .startComparison(let configuration) = App.update(&state, .key(.character(Self.lookupKey))).first else {
            Issue.record("no comparison started")
            return state
        }
        for event in try await ToyRun.events(configuration, steps: 8) {
            _ = App.update(&state, .comparisonEngine(event))
        }
        return state
    }
}
