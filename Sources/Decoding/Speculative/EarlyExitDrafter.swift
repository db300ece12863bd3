import Inference

/// Self-speculation by early exit (LayerSkip-style): the target's own first `exitLayer` layers,
/// followed by the final norm and the shared head, draft a chain one token at a time.
public struct EarlyExitDrafter: Sendable, Equatable {
    public var exitLayer: Int
    public var draftLength: Int

    public init(exitLayer: Int, draftLength: Int) {
        self.exitLayer = max(1, exitLayer)
        self.draftLength = max(0, draftLength)
    }

    /// The layer actually used on `model`: an exit at or past its last layer would be the
    /// target itself.
    public func exitLayer(on model: any LanguageModel) -> Int {
        Self.usableExitLayer(exitLayer, on: model)
    }

    /// `layer` clamped to the layers `model` can exit after (at least one, not the last).
    public static func usableExitLayer(_ layer: Int, on model: any LanguageModel) -> Int {
        max(1, min(layer, model.layerCount - 1))
    }

    /// Drafts up to `min(draftLength, limit)` tokens after `context.tokens`, each drawn from the
    /// sampler chain applied to the exit layer's logits (its argmax at temperature 0). The model
    /// cache must hold exactly the first `keep` tokens; the rest ride along in every draft pass.
    public func draft(context: DecodingContext, keep: Int, chain: SamplerChain, limit: Int) throws -> DraftTree {
        let draft = SelfDraftChain(chain: chain, options: EvaluationOptions(exitLayer: exitLayer(on: context.model)))
        return try draft.draft(context: context, keep: keep, length: min(draftLength, limit))
    }
}
