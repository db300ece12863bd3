import Testing
@testable import Decoding
import Inference

/// A draft the target accepts past an end-of-generation token: the text ends at the end token,
/// and the trace must not show the drafts after it as accepted.
struct SpeculativeEndTokenTests {
    static func greedyNext(_ model: ToyModel, after context: [TokenID]) -> TokenID {
        let logits = model.logits(after: context)
        return TokenID(logits.indices.max { logits[$0] < logits[$1] } ?? 0)
    }

    /// The end token, then the target's next token and another one as its children: the
    /// walk would accept the first and reject the second, but neither is ever tested.
    static func endThenTwoChildren(_ after: TokenID) -> DraftTree {
        let other: TokenID = after == 1 ? 2 : 1
        return DraftTree(nodes: [
            .init(token: ToyVocabulary.endToken, parent: nil, proposal: nil),
            .init(token: other, parent: 0, proposal: nil),
            .init(token: after, parent: 0, proposal: nil),
        ])
    }

    @Test func nothingAfterAnEndTokenIsAccepted() throws {
        let model = ToyModel(seed: 1)
        let words = (1..<TokenID(ToyVocabulary.words.count)).map { $0 }
        let pairs = words.flatMap { a in words.map { b in [a, b] } }
        let prompt = try #require(pairs.first { Self.greedyNext(model, after: $0) == ToyVocabulary.endToken },
                                  "some two words are followed by the end token")
        let after = Self.greedyNext(model, after: prompt + [ToyVocabulary.endToken])
        var settings = SamplerSettings()
        settings.temperature = 0
        let context = DecodingContext(model: model, prompt: prompt, maxNewTokens: 8, seed: 1)
        let keep = SpeculativeRound.trimCache(context)
        let result = try SpeculativeRound(chain: SamplerChain(settings: settings))
            .run(Self.endThenTwoChildren(after), keep: keep, drafter: "test", context: context)
        guard case .draftTree(let trace) = result.payload else {
            Issue.record("a speculative round traces its draft tree")
            return
        }
        #expect(trace.acceptedPath == [0])
        #expect(trace.nodes.dropFirst().allSatisfy { $0.verdict == .untested })
        #expect(result.tokens.map(\.token) == [ToyVocabulary.endToken])
        #expect(Array(context.generatedTokens) == [ToyVocabulary.endToken])
        #expect(model.committedTokens == prompt + [ToyVocabulary.endToken])
    }
}
