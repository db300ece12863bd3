/// The tables byte-level BPE runs on. Symbols are byte strings in the vocabulary's own spelling
/// (GPT-2's byte alphabet, "Ġthe"): every vocabulary entry, every single byte and every merge
/// part and result gets a dense symbol id, so merging compares integers instead of strings while
/// following llama.cpp's string-based rules exactly, even where a merge names a string that is not
/// itself a token.
struct BPEVocabulary: Sendable {
    /// Symbol spellings, to look whole strings up.
    let symbols: ByteStringTable
    /// The token each symbol spells (the last one, when the vocabulary repeats a spelling), or -1.
    let tokenOfSymbol: [TokenID]
    /// The symbol each byte starts as.
    let byteSymbols: [Int32]
    let merges: MergeTable

    init(tokens: [String], merges mergeRules: [String], path: String) throws(GGUFError) {
        var symbols = ByteStringTable(expectedCount: tokens.count + mergeRules.count / 4 + 256)
        var tokenOfSymbol: [TokenID] = []
        tokenOfSymbol.reserveCapacity(tokens.count)
        func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            let symbol = symbols.intern(bytes)
            if Int(symbol) == tokenOfSymbol.count { tokenOfSymbol.append(-1) }
            return symbol
        }
        for (id, text) in tokens.enumerated() {
            // llama.cpp renames empty entries so they stay distinct.
            var spelling = text.isEmpty ? "[EMPTY_\(id)]" : text
            let symbol = spelling.withUTF8 { intern($0) }
            tokenOfSymbol[Int(symbol)] = TokenID(id)
        }
        byteSymbols = ByteLevelAlphabet.utf8OfByte.map { $0.withUnsafeBufferPointer { intern($0) } }

        var merges = MergeTable(expectedCount: mergeRules.count)
        var joined: [UInt8] = []
        for (rank, rule) in mergeRules.enumerated() {
            var rule = rule
            let symbolsOfRule: (Int32, Int32, Int32)? = rule.withUTF8 { bytes in
                // Split at the first space after the first byte, as llama.cpp does.
                guard bytes.count > 2, let space = bytes[1...].firstIndex(of: 0x20), space + 1 < bytes.count else { return nil }
                let left = UnsafeBufferPointer(rebasing: bytes[..<space])
                let right = UnsafeBufferPointer(rebasing: bytes[(space + 1)...])
                joined.removeAll(keepingCapacity: true)
                joined.append(contentsOf: left)
                joined.append(contentsOf: right)
                let result = joined.withUnsafeBufferPointer { intern($0) }
                return (intern(left), intern(right), result)
            }
            guard let (left, right, result) = symbolsOfRule else {
                throw GGUFError(path: path, offset: nil, problem: "tokenizer.ggml.merges[\(rank)] '\(rule)' is not two symbols separated by a space")
            }
            merges.insertIfAbsent(left, right, MergeTable.Merge(rank: Int32(rank), result: result))
        }
        self.symbols = symbols
        self.tokenOfSymbol = tokenOfSymbol
        self.merges = merges
    }

    /// The tokens for a symbol BPE left standing: its token, or when it spells no token (a merge
    /// result missing from the vocabulary) the single-byte entries of its spelling, as llama.cpp does.
    func appendTokens(of symbol: Int32, to output: inout [TokenID]) {
        let token = tokenOfSymbol[Int(symbol)]
        if token >= 0 {
            output.append(token)
            return
        }
        for byte in symbols.bytes(of: symbol) {
            if let single = symbols.find([byte]), tokenOfSymbol[Int(single)] >= 0 {
                output.append(tokenOfSymbol[Int(single)])
            }
        }
    }
}
