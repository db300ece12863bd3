import Foundation
import Testing
import TestSupport
@testable import Decoding
import Grammar
import Inference

/// The worked examples of ../shared/reference/worked_examples.json (exact fractions computed by
/// the reference scripts) as fixtures: masking weight and distribution, the AWRS estimators'
/// runs and their exact expectations by enumerating every draw.
struct ConstrainedWorkedExampleTests {
    struct Fixture: Decodable {
        struct LCD: Decodable {
            var p: [String: Double]
            var allowed: [String]
            var log_weight: Double
            var q_masked: [String: Double]
        }
        struct Paper: Decodable {
            struct Run: Decodable { var w: Double; var token: String }
            var runA: Run, runB: Run, runC: Run
            var expectation: [String: Double]
            enum CodingKeys: String, CodingKey { case runA, runB, runC, expectation = "exact_expectation_E[w*1{x=y}]" }
        }
        struct Recursive: Decodable {
            struct Run: Decodable { var w: Double }
            var order_a_b_d: Run, order_a_b_c: Run
            var conditional: Double
            enum CodingKeys: String, CodingKey { case order_a_b_d, order_a_b_c, conditional = "E[w | first draws a,b]" }
        }
        struct Geometric: Decodable { var w: Double }
        var lcd_step: LCD
        var awrs_paper_estimator: Paper
        var recursive_awrs: Recursive
        var geometric_awrs: Geometric
    }

    static func fixture() throws -> Fixture {
        let url = GoldenData.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/worked_examples.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// Tokens a, b, c, d are ids 0...3.
    static let letters = ["a", "b", "c", "d"]
    static func id(_ letter: String) -> Int { letters.firstIndex(of: letter) ?? -1 }

    static func probabilities(_ fixture: Fixture) -> [Double] { letters.map { fixture.lcd_step.p[$0] ?? 0 } }
    static func allowed(_ fixture: Fixture) -> Set<Int> { Set(fixture.lcd_step.allowed.map(id)) }

    @Test func maskingWeightAndDistribution() throws {
        let fixture = try Self.fixture()
        let p = Self.probabilities(fixture)
        let logits = p.map { Float(log($0)) }
        var mask = TokenMask(vocabularySize: 4)
        for token in Self.allowed(fixture) { mask.insert(token) }
        let masked = try MaskedLogits(logits: logits, raw: Distribution(logits: logits), mask: mask, generated: 0)
        #expect(abs(masked.logAllowedMass - fixture.lcd_step.log_weight) < 1e-6)
        #expect(masked.allowedCount == 2)
        var settings = SamplerSettings()
        settings.temperature = 1; settings.topK = 0; settings.topP = 1; settings.minP = 0
        let q = SamplerChain(settings: settings).run(logits: masked.logits, history: []).final
        for (letter, expected) in fixture.lcd_step.q_masked {
            #expect(abs(q.probability(of: TokenID(Self.id(letter))) - expected) < 1e-6, "q(\(letter))")
        }
    }

    /// A source that forces a known walk: each scripted token of the four is reached by two
    /// left/right choices down the sampler's removal tree.
    struct ScriptedDraws: UniformSource {
        var choices: [Int]
        init(tokens: [Int]) { choices = tokens.flatMap { [$0 / 2, $0 % 2] } }
        mutating func draw(weights: [Double]) -> (index: Int, uniform: Double) {
            let index = choices.removeFirst()
            precondition(weights[index] > 0, "the script draws a removed token")
            return (index, 0.5)
        }
    }

    func run(_ estimator: AWRSEstimator, script: [Int], fixture: Fixture) -> AdaptiveRejectionSampler.Outcome {
        var draws = ScriptedDraws(tokens: script)
        let allowed = Self.allowed(fixture)
        return AdaptiveRejectionSampler(estimator: estimator).sample(Self.probabilities(fixture), isAllowed: allowed.contains, random: &draws)
    }

    @Test func paperEstimatorRuns() throws {
        let fixture = try Self.fixture()
        let runs = fixture.awrs_paper_estimator
        // Run A: a✗ c✗ b✓, then round two accepts its first draw (b or d).
        for secondRound in [1, 3] {
            let a = run(.twoRound, script: [0, 2, 1, secondRound], fixture: fixture)
            #expect(a.token == Self.id(runs.runA.token))
            #expect(abs(a.weight - runs.runA.w) < 1e-12)
        }
        // Run B: b✓, then a✗ c✗ d✓.
        let b = run(.twoRound, script: [1, 0, 2, 3], fixture: fixture)
        #expect(b.token == Self.id(runs.runB.token) && abs(b.weight - runs.runB.w) < 1e-12)
        #expect(b.tested.map(\.token) == [1, 0, 2, 3], "each token is checked once")
        // Run C: b✓ twice; b is not checked again.
        let c = run(.twoRound, script: [1, 1], fixture: fixture)
        #expect(c.token == Self.id(runs.runC.token) && abs(c.weight - runs.runC.w) < 1e-12)
        #expect(c.tested.count == 1)
    }

    @Test func recursiveEstimatorRuns() throws {
        let fixture = try Self.fixture()
        let abd = run(.recursive, script: [0, 1, 3], fixture: fixture)
        #expect(abd.token == 1 && abs(abd.weight - fixture.recursive_awrs.order_a_b_d.w) < 1e-12)
        let abc = run(.recursive, script: [0, 1, 2], fixture: fixture)
        #expect(abc.token == 1 && abs(abc.weight - fixture.recursive_awrs.order_a_b_c.w) < 1e-12)
        // After a then b the next draw is d (mass .1) or c (mass .2).
        let conditional = (0.1 * abd.weight + 0.2 * abc.weight) / 0.3
        #expect(abs(conditional - fixture.recursive_awrs.conditional) < 1e-12)
    }

    @Test func geometricEstimatorRun() throws {
        let fixture = try Self.fixture()
        // a✗ (left, left down the removal tree; rejected mass .4); before the next draw a
        // phantom count from u = 0.7: floor(log 0.3 / log 0.4) = 1, the worked example's one
        // phantom; b✓ (left, right); then u = 0 gives none and b✓ again. No phantom count is
        // drawn while nothing is rejected.
        struct Draws: UniformSource {
            var queue: [(index: Int, uniform: Double)] = [(0, 0.5), (0, 0.5), (0, 0.7), (0, 0.5), (1, 0.5), (0, 0), (0, 0.5), (1, 0.5)]
            mutating func draw(weights: [Double]) -> (index: Int, uniform: Double) { queue.removeFirst() }
        }
        var draws = Draws()
        let outcome = AdaptiveRejectionSampler(estimator: .geometric).sample(Self.probabilities(fixture), isAllowed: Self.allowed(fixture).contains, random: &draws)
        #expect(outcome.token == 1)
        #expect(abs(outcome.weight - fixture.geometric_awrs.w) < 1e-12)
    }

    struct Draw: Hashable { var token: Int?; var weight: Double }

    /// E[w · 1{x = y}] by walking every way the draws can fall.
    static func expectation(_ estimator: AWRSEstimator, p: [Double], allowed: Set<Int>) -> [Double] {
        let law = exactLaw { uniforms in
            let outcome = AdaptiveRejectionSampler(estimator: estimator).sample(p, isAllowed: allowed.contains, random: &uniforms)
            return Draw(token: outcome.token, weight: outcome.weight)
        }
        var expected = [Double](repeating: 0, count: p.count)
        for (draw, probability) in law { if let token = draw.token { expected[token] += probability * draw.weight } }
        return expected
    }

    @Test(arguments: [AWRSEstimator.twoRound, .recursive])
    func exactExpectationOnTheWorkedExample(_ estimator: AWRSEstimator) throws {
        let fixture = try Self.fixture()
        let expected = Self.expectation(estimator, p: Self.probabilities(fixture), allowed: Self.allowed(fixture))
        for (letter, value) in fixture.awrs_paper_estimator.expectation {
            #expect(abs(expected[Self.id(letter)] - value) < 1e-12, "\(estimator): E[w·1{x=\(letter)}]")
        }
    }

    /// Properly weighted on random small vocabularies: E[w · 1{x = y}] = p(y) c(y) exactly.
    @Test(arguments: [AWRSEstimator.twoRound, .recursive])
    func exactExpectationOnRandomVocabularies(_ estimator: AWRSEstimator) {
        var generator = SplitMix64(seed: 77)
        for _ in 0..<25 {
            let size = Int.random(in: 2...6, using: &generator)
            let raw = (0..<size).map { _ in Double(Int.random(in: 0...9, using: &generator)) }
            let total = raw.reduce(0, +)
            guard total > 0 else { continue }
            let p = raw.map { $0 / total }
            let allowed = Set((0..<size).filter { _ in Bool.random(using: &generator) })
            let expected = Self.expectation(estimator, p: p, allowed: allowed)
            for token in 0..<size {
                #expect(abs(expected[token] - (allowed.contains(token) ? p[token] : 0)) < 1e-12, "\(estimator) p \(p) allowed \(allowed.sorted())")
            }
        }
    }

    /// The geometric estimator draws an unbounded number of phantoms, so its mean is checked by
    /// Monte Carlo: within 4 standard errors of Z and of each p(y) c(y).
    @Test func geometricIsUnbiasedByMonteCarlo() throws {
        let fixture = try Self.fixture()
        let p = Self.probabilities(fixture), allowed = Self.allowed(fixture)
        var random = SeededRandom(seed: 5)
        let draws = 40_000
        var sums = [Double](repeating: 0, count: 4), squares = [Double](repeating: 0, count: 4)
        for _ in 0..<draws {
            let outcome = AdaptiveRejectionSampler(estimator: .geometric).sample(p, isAllowed: allowed.contains, random: &random)
            guard let token = outcome.token else { continue }
            sums[token] += outcome.weight
            squares[token] += outcome.weight * outcome.weight
        }
        for token in 0..<4 {
            let mean = sums[token] / Double(draws)
            let standardError = ((squares[token] / Double(draws) - mean * mean) / Double(draws)).squareRoot()
            let target = allowed.contains(token) ? p[token] : 0
            #expect(abs(mean - target) <= 4 * standardError + 1e-12, "E[w·1{x=\(token)}] = \(mean) ± \(standardError), want \(target)")
        }
    }
}
