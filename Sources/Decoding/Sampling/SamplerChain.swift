import Inference

/// Runs the active sampler stages over a logit row, keeping a view of the distribution after
/// each stage so the inspector can show how the chain reshaped it.
public struct SamplerChain: Sendable, Equatable {
    public var settings: SamplerSettings
    /// How many top entries each stage view keeps for display.
    public var viewSize: Int

    public init(settings: SamplerSettings, viewSize: Int = 10) {
        self.settings = settings
        self.viewSize = viewSize
    }

    public struct Result: Sendable {
        /// The softmax of the logits before any stage.
        public var raw: Distribution
        /// The distribution the token is drawn from (the real one, not a top-N view).
        public var final: Distribution
        /// "raw" first, then one view per active stage.
        public var stages: [StageView]
    }

    /// The token the chain keeps, found from the logits alone when that is exact: at
    /// temperature 0 behind stages that all keep the most probable candidate, it is the raw
    /// argmax (ties to the lowest id, as the temperature stage breaks them), and no softmax over
    /// the vocabulary is needed. nil when a stage could move it (bias, penalties, typical-p).
    public func greedyToken(logits: ArraySlice<Float>) -> TokenID? {
        guard settings.isGreedy, settings.stages.allSatisfy(\.keepsMostProbable) else { return nil }
        return Distribution.argmax(ofLogits: logits)
    }

    public func run<Row: Collection<Float>>(logits: Row, history: [TokenID]) -> Result {
        let raw = Distribution(logits: logits)
        var distribution = raw
        var views = [raw.view(stage: "raw", label: "raw softmax", topCount: viewSize)]
        for stage in settings.stages {
            stage.apply(to: &distribution, history: history, minKeep: settings.minKeep)
            views.append(distribution.view(stage: stage.name, label: stage.label, topCount: viewSize))
        }
        return Result(raw: raw, final: distribution, stages: views)
    }
}
