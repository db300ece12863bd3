/// Typed reads of the optional `tokenizer.ggml.*` keys, each failure naming the file and key.
struct TokenizerMetadata {
    let file: GGUFFile

    init(_ file: GGUFFile) {
        self.file = file
    }

    func error(_ problem: String) -> GGUFError {
        GGUFError(path: file.path, offset: nil, problem: problem)
    }

    /// A token id key: nil when absent or outside the vocabulary (llama.cpp ignores those too),
    /// an error when it is not an integer. With `required`, an id outside the vocabulary is an
    /// error too: a model whose end token names no token would never stop, and a fallback
    /// would hide the broken file.
    func tokenID(_ key: String, count: Int, required: Bool = false) throws(GGUFError) -> TokenID? {
        guard let value = file[key] else { return nil }
        guard let id = value.integer else { throw error("metadata key \(key) is \(value.typeName), expected an integer") }
        guard (0..<count).contains(id) else {
            if required { throw error("metadata key \(key) is \(id), outside the vocabulary of \(count) tokens") }
            return nil
        }
        return TokenID(id)
    }

    func bool(_ key: String) throws(GGUFError) -> Bool? {
        guard let value = file[key] else { return nil }
        guard let flag = value.bool else { throw error("metadata key \(key) is \(value.typeName), expected a bool") }
        return flag
    }

    /// `tokenizer.ggml.token_type`, one integer per token; all normal when the key is absent.
    func tokenKinds(count: Int) throws(GGUFError) -> [TokenKind] {
        let key = "tokenizer.ggml.token_type"
        guard let value = file[key] else { return [TokenKind](repeating: .normal, count: count) }
        guard let array = value.array else { throw error("metadata key \(key) is \(value.typeName), expected an array of integers") }
        guard array.count == count else {
            throw error("metadata key \(key) has \(array.count) entries for \(count) tokens")
        }
        var kinds: [TokenKind] = []
        kinds.reserveCapacity(count)
        for (index, element) in array.enumerated() {
            guard let type = element.integer else { throw error("metadata key \(key)[\(index)] is \(element.typeName), expected an integer") }
            kinds.append(TokenKind(ggufValue: type))
        }
        return kinds
    }
}
