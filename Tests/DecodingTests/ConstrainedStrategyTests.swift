import Foundation
import Testing
import TestSupport
@testable import Decoding
import Grammar
import Inference

/// The constrained strategies on the ToyModel: every finished output is in the language, the
/// traces carry what the inspector shows, and the errors say what to do.
struct ConstrainedStrategyTests {
    static let names = ["constrained-mask", "constrained-check", "awrs", "smc", "asap"]
    static let prompt: [TokenID] = [14]   // "."

    @Test(arguments: names)
    func everyOutputIsASentenceOfTheLanguage(_ name: String) throws {
        let recognizer = try ConstrainedToy.recognizer()
        for seed in UInt64(1)...12 {
            var strategy = try StrategyCatalog.make(name, parameters: ConstrainedToy.parameters(temperature: 1.5))
            let run = try decode(&strategy, model: ToyModel(), prompt: Self.prompt, maxNewTokens: 10, seed: seed)
            #expect(run.tokens.last == ToyVocabulary.endToken, "\(name) seed \(seed) ends with the end token")
            #expect(recognizer.matches(ConstrainedToy.text(run.tokens)), "\(name) seed \(seed): \(String(decoding: ConstrainedToy.text(run.tokens), as: UTF8.self))")
        }
    }

    @Test func maskAndCheckAgreeAtTemperatureZero() throws {
        for prompt: [TokenID] in [[14], [3], [9], [1, 3, 6]] {
            var mask = try StrategyCatalog.make("constrained-mask", parameters: ConstrainedToy.parameters(temperature: 0))
            var check = try StrategyCatalog.make("constrained-check", parameters: ConstrainedToy.parameters(temperature: 0))
            let masked = try decode(&mask, model: ToyModel(), prompt: prompt, maxNewTokens: 10)
            let checked = try decode(&check, model: ToyModel(), prompt: prompt, maxNewTokens: 10)
            #expect(masked.tokens == checked.tokens)
            #expect(masked.tokens.count == 5)
        }
    }

    @Test func maskTraceCarriesCountsAndWeights() throws {
        var strategy = try StrategyCatalog.make("constrained-mask", parameters: ConstrainedToy.parameters())
        let run = try decode(&strategy, model: ToyModel(), prompt: Self.prompt, maxNewTokens: 10, seed: 3)
        let model = ToyModel()
        var cumulative = 0.0
        for (index, step) in run.steps.enumerated() {
            guard case .mask(let trace) = step.payload else { Issue.record("step \(index) has no mask trace"); continue }
            // Article, animal and verb each have two choices; the full stop and the end are forced.
            let expectedAllowed = index >= 3 ? 1 : 2
            #expect(trace.allowedCount == expectedAllowed)
            #expect(step.tokens.first?.source == (expectedAllowed == 1 ? .grammarForced : .sampled))
            // log Z from the model's own probabilities of the allowed tokens.
            let p = ConstrainedToy.probabilities(model, after: Self.prompt + run.tokens.prefix(index))
            let recognizer = try ConstrainedToy.recognizer()
            let state = try #require(recognizer.advance(recognizer.initialState, bytes: ConstrainedToy.text(Array(run.tokens.prefix(index)))))
            let allowedMass = (0..<p.count).filter { token in
                token == 0 ? recognizer.isComplete(state) : recognizer.canAccept(ToyVocabulary().bytes(of: TokenID(token)), from: state)
            }.reduce(0) { $0 + p[$1] }
            cumulative += log(allowedMass)
            #expect(abs((trace.stepLogWeight ?? 0) - log(allowedMass)) < 1e-5)
            #expect(abs((trace.cumulativeLogWeight ?? 0) - cumulative) < 1e-4)
            #expect(abs((trace.maskedMass ?? 0) - (1 - allowedMass)) < 1e-5)
        }
    }

    @Test func checkTestsTheSampledTokenFirst() throws {
        var strategy = try StrategyCatalog.make("constrained-check", parameters: ConstrainedToy.parameters())
        let run = try decode(&strategy, model: ToyModel(), prompt: Self.prompt, maxNewTokens: 10, seed: 9)
        for step in run.steps {
            guard case .mask(let trace) = step.payload else { Issue.record("no mask trace"); continue }
            #expect(trace.tested.count == 1)
            let rejected = trace.tested.first?.allowed == false
            #expect((trace.allowedCount != nil) == rejected, "the full mask is computed only after a rejection")
            if !rejected { #expect(trace.tested.first?.token == step.tokens.first?.token) }
        }
    }

    @Test func awrsTestsTokensOneAtATime() throws {
        for estimator in AWRSEstimator.allCases {
            var strategy = try StrategyCatalog.make("awrs", parameters: ConstrainedToy.parameters(temperature: 1, ["estimator": Double(estimator.rawValue)]))
            let run = try decode(&strategy, model: ToyModel(), prompt: Self.prompt, maxNewTokens: 10, seed: 4)
            for step in run.steps {
                guard case .mask(let trace) = step.payload else { Issue.record("no mask trace"); continue }
                #expect(trace.allowedCount == nil)
                #expect(trace.tested.contains { $0.allowed && $0.token == step.tokens.first?.token })
                #expect(Set(trace.tested.map(\.token)).count == trace.tested.count, "no token is checked twice")
                #expect(trace.stepLogWeight.map { $0 <= 1e-12 && $0 > -.infinity } == true)
            }
        }
    }

    @Test func missingConstraintSaysWhatToDo() {
        for name in Self.names {
            #expect(throws: ConstraintError.missing(strategy: name)) { try StrategyCatalog.make(name, parameters: DecodingParameters()) }
        }
        let error = ConstraintError.missing(strategy: "constrained-mask")
        #expect(error.description == "constrained-mask needs a constraint: pass --grammar-file, --json-schema or --regex")
    }

    @Test func compileErrorsCarryLineAndColumn() throws {
        var parameters = DecodingParameters()
        parameters.constraint = ConstraintSpec(kind: .gbnf, source: "root ::= \"a\"\nitem ::= \"b\" ) \"c\"\n", origin: "broken.gbnf")
        do {
            _ = try StrategyCatalog.make("constrained-mask", parameters: parameters)
            Issue.record("a broken grammar compiled")
        } catch let error as ConstraintError {
            guard case .invalid(_, let grammarError) = error else { Issue.record("unexpected \(error)"); return }
            let line = try #require(grammarError.line), column = try #require(grammarError.column)
            #expect(line == 2)
            #expect(error.description == "constrained-mask: broken.gbnf:\(line):\(column): \(grammarError.problem)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Decoding under a grammar no text matches could never end, so every constrained strategy
    /// refuses it, saying which rules never finish.
    @Test func aGrammarNothingMatchesIsRefused() {
        var parameters = DecodingParameters()
        parameters.constraint = ConstraintSpec(kind: .gbnf, source: "root ::= \"a\" item | \"b\" item\nitem ::= \"c\" item\n", origin: "endless.gbnf")
        for name in Self.names {
            #expect(throws: ConstraintError.invalid(strategy: name, GrammarError(
                source: "endless.gbnf", problem: "no text can match: no alternative of 'root' can finish (nor can 'item')"))) {
                try StrategyCatalog.make(name, parameters: parameters)
            }
        }
    }
}
