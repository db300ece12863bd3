import TestSupport

/// Seeded random strings over an alphabet chosen to hit every pre-tokenizer branch: spaces and
/// line breaks, letters in several scripts, digits of several kinds, contractions, punctuation,
/// marks, zero-width and non-breaking spaces, emoji, special-token punctuation.
struct TokenizerRandomText {
    private var source: SplitMix64

    init(seed: UInt64) {
        source = SplitMix64(seed: seed)
    }

    static let alphabet: [String] = [
        " ", " ", "  ", "\n", "\r\n", "\t", "a", "Z", "the", "é", "ß", "Ж", "你", "'", "'s", "'LL", "s",
        "1", "42", "٣", "²", "Ⅻ", "!", "...", "-", "<|im_start|>", "<", "|", "😀", "👨‍👩‍👧", "\u{200B}", "\u{A0}", "\u{301}", "\u{3000}",
    ]

    /// SplitMix64.
    mutating func next() -> UInt64 {
        source.next()
    }

    mutating func text(maxPieces: Int) -> String {
        let count = Int(next() % UInt64(maxPieces + 1))
        return (0..<count).map { _ in Self.alphabet[Int(next() % UInt64(Self.alphabet.count))] }.joined()
    }
}
