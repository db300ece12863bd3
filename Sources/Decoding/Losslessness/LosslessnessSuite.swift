import Inference

/// The standard losslessness checks `decodelab selftest` runs: every strategy of the catalog
/// that claims to keep the target's law (the sampling and speculative families), on the
/// ToyModel, under a plain, a filtered and a greedy sampler configuration.
public enum LosslessnessSuite {
    /// " the cat sat on the mat . the cat": repeats, so lookup drafters find matches.
    public static let prompt: [TokenID] = [1, 3, 6, 9, 1, 11, 14, 1, 3]
    /// Three tokens span several rounds of a short draft, so rollback and bonus tokens are
    /// inside the tested outcome.
    public static let length = 3
    /// A greedy law has one outcome and every run takes the same path whatever its seed, so
    /// more runs than this test nothing more.
    public static let greedySamples = 1_000

    public struct Setting: Sendable {
        /// The sampler's part of the label ("T=1").
        public var label: String
        public var parameters: DecodingParameters

        /// The drafting parameters every setting gives, with the word each is labelled by.
        static let drafting = [(SpeculativeParameters.draftLength.name, "draft"), (SpeculativeParameters.exitLayer.name, "exit")]

        /// The label of the setting run by `strategy`: the sampler's, then the drafting
        /// parameters it uses ("T=1; draft 2, exit 1"; "T=1; draft 2" for prompt lookup, which
        /// has no exit layer).
        public func label(for strategy: StrategyDescriptor) -> String {
            let used = Set(strategy.parameters.map(\.name))
            let own = Self.drafting.filter { used.contains($0.0) }.compactMap { name, word in parameters.value(name).map { "\(word) \(Int($0))" } }
            return own.isEmpty ? label : label + "; " + own.joined(separator: ", ")
        }
    }

    public static let settings: [Setting] = [
        setting("T=1", temperature: 1, draftLength: 2, exitLayer: 1),
        setting("T=0.7 k=8 p=0.9 min-p=0.05 rep=1.2", temperature: 0.7, topK: 8, topP: 0.9, minP: 0.05, repeatPenalty: 1.2, draftLength: 3, exitLayer: 2),
        setting("T=0", temperature: 0, draftLength: 3, exitLayer: 2),
    ]

    /// A non-default configuration of one strategy whose drafting or verification differs
    /// enough from the default to need its own check.
    public struct Variant: Sendable {
        public var strategy: String
        public var label: String
        public var parameters: [String: Double]
    }

    public static let variants: [Variant] = [
        Variant(strategy: SpeculativeTreeStrategy.descriptor.name, label: "K-SEQ, 3 siblings",
                parameters: [SpeculativeParameters.kSequence.name: 1, SpeculativeParameters.treeWidth.name: 3]),
        Variant(strategy: SpeculativeEarlyExitStrategy.descriptor.name, label: "fixed draft length",
                parameters: [SpeculativeParameters.adaptiveDraft.name: 0]),
        Variant(strategy: SpeculativeJacobiStrategy.descriptor.name, label: "redraws lead, fixed window 4",
                parameters: [SpeculativeParameters.lookupLeads.name: 0, SpeculativeParameters.adaptiveDraft.name: 0,
                             SpeculativeParameters.windowWidth.name: 4]),
    ]

    /// Strategies that claim losslessness against the plain sampler chain. Constrained and
    /// SMC strategies are lossless, if at all, against a constrained law this suite does not
    /// enumerate.
    public static var strategies: [StrategyDescriptor] {
        StrategyCatalog.descriptors.filter { $0.lossless && ($0.family == .sampling || $0.family == .speculative) }
    }

    /// The checks for the named strategies (all of `strategies` when nil). A strategy with no
    /// temperature parameter is greedy by definition and is checked against the argmax only.
    public static func checks(samples: Int, strategies names: [String]? = nil) -> [LosslessnessCheck] {
        let chosen = strategies.filter { names?.contains($0.name) ?? true }
        return chosen.flatMap { descriptor -> [LosslessnessCheck] in
            let followsSampler = descriptor.parameters.contains { $0.name == "temperature" }
            let own = [Variant(strategy: descriptor.name, label: "", parameters: [:])] + variants.filter { $0.strategy == descriptor.name }
            let configurations = settings.filter { followsSampler || $0.parameters.sampler.isGreedy }.flatMap { setting in
                own.map { variant in
                    var parameters = setting.parameters
                    for (name, value) in variant.parameters { parameters.set(name, to: value) }
                    let label = setting.label(for: descriptor)
                    return (label: variant.label.isEmpty ? label : label + "; " + variant.label, parameters: parameters)
                }
            }
            return configurations.map { setting in
                LosslessnessCheck(
                    strategy: descriptor.name, configuration: setting.label, parameters: setting.parameters,
                    target: setting.parameters.sampler,
                    makeStrategy: { [name = descriptor.name] in try StrategyCatalog.make(name, parameters: $0) },
                    makeModel: { ToyModel(seed: 4, contextLength: 64) },
                    prompt: prompt, length: length,
                    samples: setting.parameters.sampler.isGreedy ? min(samples, greedySamples) : samples)
            }
        }
    }

    private static func setting(_ label: String, temperature: Double, topK: Int = 0, topP: Double = 1, minP: Double = 0,
                                repeatPenalty: Double = 1, draftLength: Int, exitLayer: Int) -> Setting {
        var parameters = DecodingParameters()
        parameters.sampler.temperature = temperature
        parameters.sampler.topK = topK
        parameters.sampler.topP = topP
        parameters.sampler.minP = minP
        parameters.sampler.repeatPenalty = repeatPenalty
        parameters.set("draft-length", to: Double(draftLength))
        parameters.set("exit-layer", to: Double(exitLayer))
        return Setting(label: label, parameters: parameters)
    }
}
