/// Seeded random strings over an alphabet chosen to hit every pre-tokenizer branch: spaces and
/// line breaks, letters in several scripts, digits of several kinds, contractions, punctuation,
/// marks, zero-width and non-breaking spaces, emoji, special-token punctuation.
struct TokenizerRandomText {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    static let alphabet: [String] = [
        " ", " ", "  ", "\n", "\r\n", "\t", "a", "Z", "the", "é", "ß", "Ж", "你", "'", "'s", "'LL", "s",
        "1", "42", "٣", "²", "Ⅻ", "!", "...", "-", "<|im_start|>", "<", "|", "😀", "👨‍👩‍👧", "\u{200B}", "\u{A0}", "\u{301}", "\u{3000}",
    ]

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func text(maxPieces: Int) -> String {
        let count = Int(next() % UInt64(maxPieces + 1))
        return (0..<count).map { _ in Self.alphabet[Int(next() % UInt64(Self.alphabet.count))] }.joined()
    }
}
