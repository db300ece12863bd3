import Foundation
import Testing
import TestSupport
import Decoding
import Inference

/// `cacheSegment` / `restore`: after other continuations have used the cache, restoring a
/// continuation's positions gives bit-identical logits to never having left it.
@Suite(.serialized) struct ConstrainedCacheSegmentTests {
    /// Evaluates `prefix`, then `branch` (saving its positions), then a different branch, then
    /// restores the saved one in pieces and evaluates `next`; compares with a straight run.
    static func restoredLogitsMatch(_ model: any LanguageModel, prefix: [TokenID], branch: [TokenID], other: [TokenID], next: TokenID) throws -> Bool {
        model.truncate(to: 0)
        let straight = try model.evaluateAndCommit(prefix + branch + [next]).values

        model.truncate(to: 0)
        _ = try model.evaluateAndCommit(prefix)
        let base = prefix.count
        var saved = model.cacheSegment(from: base)
        #expect(saved.count == 0 && saved.start == base)
        for token in branch {
            _ = try model.evaluateAndCommit([token])
            // Only the new position is copied out, and segments join.
            try saved.append(model.cacheSegment(from: model.committedCount - 1))
        }
        #expect(saved.count == branch.count)
        #expect(throws: ModelError.self) { try saved.append(model.cacheSegment(from: base)) }
        #expect(saved.count == branch.count, "a failed append leaves the segment as it was")
        model.truncate(to: base)
        _ = try model.evaluateAndCommit(other)
        // Restore in two parts: the first position, then the rest on top of it.
        try model.restore(saved.suffix(from: 0).suffix(from: base))
        #expect(model.committedCount == base + branch.count)
        let head = saved.suffix(from: base + 1)
        try model.restore(head)
        #expect(model.committedCount == base + branch.count)
        let restored = try model.evaluateAndCommit([next]).values
        return restored == straight
    }

    @Test func toyModelRestoresExactly() throws {
        let model = ToyModel()
        #expect(try Self.restoredLogitsMatch(model, prefix: [14, 1], branch: [3, 6, 9], other: [4, 7], next: 1))
        let segment = model.cacheSegment(from: 2)
        model.truncate(to: 1)
        #expect(throws: ModelError.self) { try model.restore(segment) }
    }

    @Test func realModelRestoresBitIdenticalLogits() throws {
        let gguf = try GGUFFile(path: try GoldenData.defaultModelPath())
        let tokenizer = try Tokenizer(gguf: gguf)
        let model = try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: 2, contextLength: 128)
        let prefix = tokenizer.encode("Turn this sentence into JSON:")
        let branch = tokenizer.encode(" {\"name\": \"Maria\"")
        let other = tokenizer.encode(" Sure! Here")
        #expect(try Self.restoredLogitsMatch(model, prefix: prefix, branch: branch, other: other, next: tokenizer.encode("}")[0]))
        // A segment starting past the committed positions cannot be restored.
        model.truncate(to: 2)
        let segment = model.cacheSegment(from: 0)
        model.truncate(to: 0)
        #expect(throws: ModelError.self) { try model.restore(segment.suffix(from: 1)) }
    }
}
