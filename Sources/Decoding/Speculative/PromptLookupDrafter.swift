import Inference

/// Prompt lookup decoding: find an earlier occurrence of the context's last n tokens (longest n
/// first) and propose the tokens that followed it. Free to draft and strong when the output
/// copies the input (code edits, rewrites, summaries with quotes). Like llama.cpp's simple
/// n-gram drafter it takes the most recent occurrence, which tracks the text being written.
public struct PromptLookupDrafter: Sendable, Equatable {
    public var maxNgramSize: Int
    public var minNgramSize: Int
    public var draftLength: Int

    public init(maxNgramSize: Int = 3, minNgramSize: Int = 1, draftLength: Int = 10) {
        self.maxNgramSize = max(1, maxNgramSize)
        self.minNgramSize = max(1, min(minNgramSize, self.maxNgramSize))
        self.draftLength = max(0, draftLength)
    }

    /// The draft for the position after `context`, or nil when no n-gram recurs.
    public func draft(after context: [TokenID]) -> LookupDraft? {
        guard draftLength > 0 else { return nil }
        for n in stride(from: maxNgramSize, through: minNgramSize, by: -1) where n < context.count {
            let suffix = context[(context.count - n)...]
            // Occurrences must end before the suffix does, so at least one token follows them.
            for start in stride(from: context.count - n - 1, through: 0, by: -1)
            where context[start..<(start + n)].elementsEqual(suffix) {
                let copied = context[(start + n)..<min(start + n + draftLength, context.count)]
                return LookupDraft(tokens: Array(copied), ngramSize: n, matchStart: start)
            }
        }
        return nil
    }
}
