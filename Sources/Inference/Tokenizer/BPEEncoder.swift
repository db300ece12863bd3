/// Tokenizes plain text (no special tokens) with byte-level BPE: pre-tokenize into words, then
/// merge the bytes of each word. Holds the scratch buffers of one encode call, and remembers
/// each short word's tokens: natural text repeats its words, and a word always gives the same tokens.
struct BPEEncoder {
    let vocabulary: BPEVocabulary
    let preTokenizer: PreTokenizer

    private var text = ScalarText()
    private var merger = BPEMerger()
    private var wordSymbols: [Int32] = []
    private var merged: [Int32] = []
    private var spelling: [UInt8] = []
    private var cachedWords = ByteStringTable(expectedCount: 4096)
    /// Tokens of cached word i: `cachedTokens[cachedStarts[i]..<cachedStarts[i + 1]]`.
    private var cachedTokens: [TokenID] = []
    private var cachedStarts: [Int] = [0]
    private static let longestCachedWord = 32

    init(vocabulary: BPEVocabulary, preTokenizer: PreTokenizer) {
        self.vocabulary = vocabulary
        self.preTokenizer = preTokenizer
    }

    mutating func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [TokenID]) {
        text.load(bytes)
        // A local reference to the decoded text, so words can be merged as they are found.
        let text = self.text
        preTokenizer.split(text) { scalars in
            let word = text.byteStarts[scalars.lowerBound]..<text.byteStarts[scalars.upperBound]
            encodeWord(UnsafeBufferPointer(rebasing: bytes[word]), into: &output)
        }
    }

    private mutating func encodeWord(_ word: UnsafeBufferPointer<UInt8>, into output: inout [TokenID]) {
        guard word.count <= Self.longestCachedWord else {
            mergeWord(word, into: &output)
            return
        }
        let entry = Int(cachedWords.intern(word))
        if entry + 1 < cachedStarts.count {
            output.append(contentsOf: cachedTokens[cachedStarts[entry]..<cachedStarts[entry + 1]])
            return
        }
        let first = output.count
        mergeWord(word, into: &output)
        cachedTokens.append(contentsOf: output[first...])
        cachedStarts.append(cachedTokens.count)
    }

    private mutating func mergeWord(_ word: UnsafeBufferPointer<UInt8>, into output: inout [TokenID]) {
        if preTokenizer.wholeWordsFirst, let token = wholeWordToken(word) {
            output.append(token)
            return
        }
        wordSymbols.removeAll(keepingCapacity: true)
        for byte in word { wordSymbols.append(vocabulary.byteSymbols[Int(byte)]) }
        merged.removeAll(keepingCapacity: true)
        merger.merge(wordSymbols, with: vocabulary.merges, into: &merged)
        for symbol in merged { vocabulary.appendTokens(of: symbol, to: &output) }
    }

    /// The token spelled exactly like the whole word, if the vocabulary has one.
    private mutating func wholeWordToken(_ word: UnsafeBufferPointer<UInt8>) -> TokenID? {
        spelling.removeAll(keepingCapacity: true)
        for byte in word { spelling.append(contentsOf: ByteLevelAlphabet.utf8OfByte[Int(byte)]) }
        guard let symbol = vocabulary.symbols.find(spelling) else { return nil }
        let token = vocabulary.tokenOfSymbol[Int(symbol)]
        return token >= 0 ? token : nil
    }
}
