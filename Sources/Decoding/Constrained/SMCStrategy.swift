import Grammar
import Inference

/// Sequential Monte Carlo over constrained proposals (token masking or AWRS): N particles each
/// extend their own continuation by one token per step and multiply their weight by the
/// proposal's weight, so the population targets the model's distribution restricted to the
/// language, P(x | x ∈ L), rather than the myopic masking distribution. When the effective
/// sample size falls below τ·N the population is resampled (stratified) and every particle
/// carries the mean weight. Text is committed as soon as every live particle shares it (nothing
/// can revise it any more); when all particles have finished, one is chosen by weight and the
/// rest of its text is committed.
///
/// KV layout: the model cache holds the committed text followed by one particle's positions;
/// each particle keeps copies of its own (`ContinuationCache`), so a step costs one one-token
/// evaluation per distinct particle, never a re-evaluation of suffixes.
public struct SMCStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "smc", family: .smc, lossless: false,
        description: "sequential Monte Carlo: weighted particles over masking or AWRS proposals, stratified resampling by ESS",
        parameters: [ConstrainedParameters.temperature, ConstrainedParameters.particles, ConstrainedParameters.essThreshold,
                     ConstrainedParameters.proposal, ConstrainedParameters.estimator])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private var tracker: ConstraintTracker
    private let proposal: ConstrainedProposal
    private let particleCount: Int
    private let essThreshold: Double
    private var particles: [Particle] = []
    private var cache = ContinuationCache()
    /// Tokens shown per particle.
    private static let tailLength = 12

    public init(parameters: DecodingParameters) throws {
        tracker = try ConstraintTracker(parameters.constraint, strategy: Self.descriptor.name)
        proposal = ConstrainedProposal(method: ConstrainedParameters.proposal(in: parameters), temperature: parameters.sampler.temperature)
        particleCount = ConstrainedParameters.particles.integer(in: parameters)
        essThreshold = ConstrainedParameters.essThreshold(in: parameters)
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let (constraint, start) = try tracker.attach(to: context)
        if particles.isEmpty {
            let logits = try context.nextTokenLogits()
            let empty = context.model.cacheSegment(from: context.tokens.count)
            particles = Array(repeating: Particle(suffix: [], state: start, logWeight: 0, segment: empty, nextLogits: logits, finished: false),
                              count: particleCount)
        }
        try extend(constraint: constraint, context: context)

        let weights = ParticleWeights(logWeights: particles.map(\.logWeight))
        var ancestors: [Int?] = particles.map { _ in nil }
        let resampled = weights.effectiveSampleSize < essThreshold * Double(particleCount) && weights.logMean > -.infinity
            && particles.contains { !$0.finished }
        if resampled {
            let chosen = StratifiedResampling.ancestors(of: weights.normalized, random: &context.random)
            particles = chosen.map { particles[$0] }
            for i in particles.indices { particles[i].logWeight = weights.logMean }
            ancestors = chosen
        }
        let trace = ParticleTrace(
            particles: traced(ancestors: ancestors, context: context), effectiveSampleSize: weights.effectiveSampleSize,
            resampled: resampled, resampleBelow: essThreshold * Double(particleCount), logNormalizer: weights.logMean)
        let committed = try particles.allSatisfy(\.finished) ? finish(context: context) : commitShared(context: context)
        return StepResult(tokens: committed, payload: .particles(trace))
    }

    /// Every unfinished particle proposes one token; the distinct new suffixes are evaluated.
    private mutating func extend(constraint: TokenConstraint, context: DecodingContext) throws {
        let budget = context.tokenBudget
        for i in particles.indices {
            particles[i].stepLogWeight = nil
            particles[i].checks = nil
            guard !particles[i].finished, let logits = particles[i].nextLogits else { continue }
            let outcome = proposal.propose(logits: logits, tempered: proposal.tempered(logits), constraint: constraint,
                                           state: particles[i].state, random: &context.random)
            particles[i].stepLogWeight = outcome.logWeight
            particles[i].checks = outcome.checks
            particles[i].logWeight += outcome.logWeight
            particles[i].nextLogits = nil
            guard let token = outcome.token, let next = constraint.advance(particles[i].state, by: token) else {
                particles[i].logWeight = -.infinity
                particles[i].finished = true
                continue
            }
            let raw = Distribution(logits: logits)
            particles[i].suffix.append(TracedToken(token: token, source: proposal.temperature > 0 ? .sampled : .greedy,
                                                   probability: raw.probability(of: token), entropy: raw.entropy))
            particles[i].state = next
            if constraint.isEnd(token) {
                particles[i].finished = true
            } else if particles[i].suffix.count >= budget {
                // Out of room: only a text already in the language keeps its weight.
                particles[i].finished = true
                if !constraint.isComplete(next) { particles[i].logWeight = -.infinity }
            }
        }
        // Copies made by resampling share their suffix: each distinct one is evaluated once.
        var evaluated: [[TokenID]: Int] = [:]
        for i in particles.indices where !particles[i].finished {
            let key = particles[i].suffixTokens
            if let first = evaluated[key] {
                particles[i].nextLogits = particles[first].nextLogits
                particles[i].segment = particles[first].segment
            } else {
                particles[i].nextLogits = try cache.evaluateLast(of: &particles[i], context: context)
                evaluated[key] = i
            }
        }
    }

    /// Commits the tokens every live particle agrees on.
    private mutating func commitShared(context: DecodingContext) throws -> [TracedToken] {
        let live = particles.filter { !$0.isDead }
        guard var shared = live.first?.suffix else { return [] }
        for particle in live.dropFirst() {
            shared.removeLast(shared.count - zip(shared, particle.suffix).prefix { $0.token == $1.token }.count)
        }
        let tokens = shared.map(\.token)
        guard !tokens.isEmpty, let holder = live.first(where: { $0.segment.count >= tokens.count }) else { return [] }
        try cache.commit(tokens, holder: holder, context: context)
        let base = context.tokens.count
        context.append(tokens)
        for i in particles.indices {
            if particles[i].suffixTokens.starts(with: tokens) {
                particles[i].suffix.removeFirst(tokens.count)
            } else {
                // A dead particle that left the shared text: nothing of it is kept.
                particles[i].suffix = []
            }
            particles[i].segment = particles[i].segment.suffix(from: base + tokens.count)
        }
        return shared
    }

    /// All particles have finished: one, drawn by weight, gives the rest of the text.
    private mutating func finish(context: DecodingContext) throws -> [TracedToken] {
        let weights = ParticleWeights(logWeights: particles.map(\.logWeight))
        guard weights.logMean > -.infinity else { throw ConstraintError.noParticleFinished(generated: context.generatedCount) }
        let chosen = particles[context.random.draw(weights: weights.normalized).index]
        context.append(chosen.suffixTokens)
        particles = []
        return chosen.suffix
    }

    private func traced(ancestors: [Int?], context: DecodingContext) -> [ParticleTrace.Particle] {
        let weights = ParticleWeights(logWeights: particles.map(\.logWeight))
        return particles.indices.map { i in
            let particle = particles[i]
            let tail = Array((context.generatedTokens + particle.suffixTokens).suffix(Self.tailLength))
            return ParticleTrace.Particle(
                tail: tail, logWeight: particle.logWeight, normalizedWeight: weights.normalized[i], ancestor: ancestors[i],
                finished: particle.finished, stepLogWeight: particle.stepLogWeight, checks: particle.checks)
        }
    }
}
