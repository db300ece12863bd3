import Foundation
import Grammar
import Inference

/// Grammar-aligned decoding by ASAp: token masking corrected by a trie of expected future
/// grammaticality kept across samples of the same prompt, constraint and temperature. Each
/// step samples q(t | w) ∝ P(t | w) · ẼFG(w·t) over allowed tokens; visiting w refines ẼFG(w)
/// with the mass the constraint allows there. The first sample is plain masking; as samples
/// accumulate (restart with `r`, new seed with `R`) q converges to P(x | x ∈ L).
public struct ASApStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "asap", family: .constrained, lossless: false,
        description: "grammar-aligned decoding (ASAp): masking reweighted by a trie of future grammaticality that learns across samples",
        parameters: [ConstrainedParameters.temperature])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private var tracker: ConstraintTracker
    private let spec: ConstraintSpec
    private let temperature: Double
    private let viewSize: Int
    private var key: AlignmentStore.Key?
    private var node = AlignmentTrie.root

    public init(parameters: DecodingParameters, viewSize: Int = 10) throws {
        guard let spec = parameters.constraint else { throw ConstraintError.missing(strategy: Self.descriptor.name) }
        tracker = try ConstraintTracker(spec, strategy: Self.descriptor.name)
        self.spec = spec
        temperature = parameters.sampler.temperature
        self.viewSize = viewSize
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let logits = try context.nextTokenLogits()
        let (constraint, state) = try tracker.attach(to: context)
        let key = trieKey(context)
        let raw = Distribution(logits: logits)
        let tempered = temperature > 0 ? Distribution(logits: logits.map { $0 / Float(temperature) }) : raw
        let masked = try MaskedLogits(logits: logits, raw: raw, mask: constraint.mask(after: state), generated: context.generatedCount)
        let allowed = (0..<logits.count).filter { masked.logits[$0] > -.infinity }
        let allowedMass = allowed.reduce(0) { $0 + tempered.probabilities[$1] }

        let node = self.node
        let (iteration, prefixEstimate, estimates) = AlignmentStore.withTrie(key) { trie in
            trie.visit(node, allowedMass: allowedMass)
            return (trie.completedSamples, trie.nodes[node].estimate, trie.childEstimates(of: node))
        }
        // q ∝ P · ẼFG over allowed tokens; at temperature 0 the most probable of those with ẼFG > 0.
        // log P comes from the logits, not from P: at a low temperature the allowed tokens' P
        // can all be 0 in Double while q is still well defined.
        let logP = TemperedLogProbability(logits: logits, tempered: tempered, temperature: temperature)
        let adjusted = allowed.map { Float(logP(logits[$0]) + log(estimates[TokenID($0)] ?? 1)) }
        guard adjusted.contains(where: { $0 > -.infinity }) else { throw ConstraintError.deadEnd(generated: context.generatedCount) }
        let q = Distribution(tokens: allowed.map { TokenID($0) }, logits: adjusted, isSorted: false)
        let uniform = temperature > 0 ? context.random.nextUniform() : nil
        let chosen = uniform.map(q.sample(uniform:)) ?? q.argmax

        let probability = tempered.probabilities[Int(chosen)]
        tracker.commit(chosen)
        context.append([chosen])
        let finished = constraint.isEnd(chosen) || context.tokenBudget == 0
        self.node = AlignmentStore.withTrie(key) { trie in
            if finished { trie.recordCompletedSample() }
            return trie.child(chosen, of: node, probability: probability)
        }

        var choices = q.top(viewSize)
        if !choices.contains(where: { $0.token == chosen }) {
            choices.append(TokenProbability(token: chosen, logit: 0, probability: q.probability(of: chosen)))
        }
        let alignment = AlignmentTrace(
            iteration: iteration, prefixEstimate: prefixEstimate,
            choices: choices.map {
                AlignmentTrace.Choice(token: $0.token, rawProbability: tempered.probabilities[Int($0.token)],
                                      estimate: estimates[$0.token] ?? 1, adjustedProbability: $0.probability)
            },
            chosen: chosen)
        var stages = [raw.view(stage: "raw", label: "raw softmax", topCount: viewSize)]
        if temperature > 0 { stages.append(tempered.view(stage: "temperature", label: "temperature \(temperature)", topCount: viewSize)) }
        stages.append(q.view(stage: "aligned", label: "mask × ẼFG (iteration \(iteration + 1))", topCount: viewSize))
        let trace = MaskTrace(
            allowedCount: masked.allowedCount, vocabularySize: logits.count, tested: [], maskedMass: masked.maskedMass,
            distribution: DistributionTrace(stages: stages, chosen: chosen, entropy: q.entropy, varentropy: q.varentropy, uniform: uniform),
            alignment: alignment)
        let source: TokenSource = masked.forced != nil ? .grammarForced : uniform == nil ? .greedy : .sampled
        return StepResult(
            tokens: [TracedToken(token: chosen, source: source, probability: raw.probability(of: chosen), entropy: raw.entropy)],
            payload: .mask(trace))
    }

    /// The trie this run refines: same prompt, constraint, temperature and vocabulary.
    private mutating func trieKey(_ context: DecodingContext) -> AlignmentStore.Key {
        if let key { return key }
        let made = AlignmentStore.Key(
            prompt: Array(context.tokens.prefix(context.promptCount)), constraintKind: spec.kind.rawValue,
            constraintSource: spec.source, temperature: temperature, vocabularySize: context.vocabulary.count)
        key = made
        return made
    }
}
