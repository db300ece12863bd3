/// A model's tokenizer, read entirely from its GGUF file: GPT-2-style byte-level BPE with the
/// pre-tokenizer the file names, special tokens, and the chat template. Tokenizes exactly as
/// llama.cpp does. Immutable after init, so it is shared freely across tasks.
public final class Tokenizer: Vocabulary {
    public let count: Int
    public let preTokenizer: PreTokenizer
    public let eosToken: TokenID
    public let bosToken: TokenID?
    public let unknownToken: TokenID?
    public let paddingToken: TokenID?
    /// Whether prompts should start with BOS (`tokenizer.ggml.add_bos_token`); `encode` never adds it.
    public let addsBOS: Bool
    /// The model's chat format, when its template is one DecodeLab reproduces (see `requireChatTemplate`).
    public let chatTemplate: ChatTemplate?
    private let chatTemplateProblem: ChatTemplateError?

    private let kinds: [TokenKind]
    private let endOfGeneration: Set<TokenID>
    /// What each token prints: the bytes a normal token stands for, the text of any other.
    private let pieces: FlatByteStrings
    private let bpe: BPEVocabulary
    private let specialTokens: SpecialTokenSplitter

    /// Reads `tokenizer.ggml.*` and `tokenizer.chat_template`; every missing or malformed key is
    /// a `GGUFError` naming it.
    public init(gguf: GGUFFile) throws(GGUFError) {
        let metadata = TokenizerMetadata(gguf)
        let model = try gguf.requiredString("tokenizer.ggml.model")
        guard model == "gpt2" else {
            throw metadata.error("tokenizer.ggml.model is '\(model)'; only GPT-2 byte-level BPE ('gpt2') vocabularies are supported")
        }
        let preName = try gguf.requiredString("tokenizer.ggml.pre")
        guard let preTokenizer = PreTokenizer(ggufName: preName) else {
            throw metadata.error("tokenizer.ggml.pre '\(preName)' is not a supported pre-tokenizer (supported: \(PreTokenizer.allCases.map(\.rawValue).joined(separator: ", ")) and their llama.cpp aliases)")
        }
        let texts = try gguf.requiredStrings("tokenizer.ggml.tokens")
        guard !texts.isEmpty, texts.count < Int(Int32.max) else {
            throw metadata.error("tokenizer.ggml.tokens has \(texts.count) entries")
        }
        var kinds = try metadata.tokenKinds(count: texts.count)
        bpe = try BPEVocabulary(tokens: texts, merges: try gguf.requiredStrings("tokenizer.ggml.merges"), path: gguf.path)

        count = texts.count
        self.preTokenizer = preTokenizer
        let eos = try metadata.tokenID("tokenizer.ggml.eos_token_id", count: count, required: true) ?? texts.firstIndex(of: "<|endoftext|>").map(TokenID.init)
        guard let eos else { throw metadata.error("missing metadata key tokenizer.ggml.eos_token_id (and no <|endoftext|> token)") }
        eosToken = eos
        bosToken = try metadata.tokenID("tokenizer.ggml.bos_token_id", count: count)
        unknownToken = try metadata.tokenID("tokenizer.ggml.unknown_token_id", count: count)
        paddingToken = try metadata.tokenID("tokenizer.ggml.padding_token_id", count: count)
        addsBOS = try metadata.bool("tokenizer.ggml.add_bos_token") ?? (preTokenizer == .llama3)

        // End of generation: EOS, EOT, EOM, and the end-of-turn spellings llama.cpp looks for,
        // which also become control tokens whatever the file says.
        var endOfGeneration: Set<TokenID> = [eos]
        for key in ["tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"] {
            if let id = try metadata.tokenID(key, count: count) { endOfGeneration.insert(id) }
        }
        for (id, text) in texts.enumerated() where text.utf8.first.map(Self.endOfTurnInitials.contains) == true && Self.endOfTurnSpellings.contains(text) {
            endOfGeneration.insert(TokenID(id))
            kinds[id] = .control
        }
        self.endOfGeneration = endOfGeneration
        self.kinds = kinds

        var pieces = FlatByteStrings(expectedBytes: texts.count * 8)
        var decoded: [UInt8] = []
        for (text, kind) in zip(texts, kinds) {
            decoded.removeAll(keepingCapacity: true)
            if kind == .normal {
                ByteLevelAlphabet.decode(text, into: &decoded)
            } else {
                decoded.append(contentsOf: text.utf8)
            }
            pieces.append(decoded)
        }
        self.pieces = pieces
        specialTokens = SpecialTokenSplitter(kinds.indices.compactMap { id in
            let kind = kinds[id]
            guard kind.isMatchedInText(parseSpecial: true) else { return nil }
            return SpecialTokenSplitter.Candidate(token: TokenID(id), text: Array(texts[id].utf8), kind: kind)
        })

        switch gguf["tokenizer.chat_template"] {
        case nil:
            (chatTemplate, chatTemplateProblem) = (nil, .missing)
        case .string(let source)?:
            do {
                (chatTemplate, chatTemplateProblem) = (try ChatTemplate(jinja: source), nil)
            } catch {
                (chatTemplate, chatTemplateProblem) = (nil, error)
            }
        case let other?:
            throw metadata.error("metadata key tokenizer.chat_template is \(other.typeName), expected a string")
        }
    }

    /// The ids of `text`, without BOS. With `parseSpecial`, the spellings of control tokens
    /// (`<|im_start|>`) become those tokens; without it they are tokenized as ordinary text.
    public func encode(_ text: String, parseSpecial: Bool = false) -> [TokenID] {
        var text = text
        return text.withUTF8 { encode(utf8: $0, parseSpecial: parseSpecial) }
    }

    /// `encode` over bytes that may not be valid UTF-8: what llama.cpp cannot read becomes
    /// U+FFFD, one per byte, as in llama.cpp.
    public func encode(utf8 bytes: UnsafeBufferPointer<UInt8>, parseSpecial: Bool = false) -> [TokenID] {
        if let repaired = UTF8Scalar.reencodedLikeLlamaCpp(bytes) {
            return repaired.withUnsafeBufferPointer { encodeReadable($0, parseSpecial: parseSpecial) }
        }
        return encodeReadable(bytes, parseSpecial: parseSpecial)
    }

    /// Encodes bytes that llama.cpp reads back unchanged.
    private func encodeReadable(_ bytes: UnsafeBufferPointer<UInt8>, parseSpecial: Bool) -> [TokenID] {
        var output: [TokenID] = []
        output.reserveCapacity(bytes.count / 3)
        var encoder = BPEEncoder(vocabulary: bpe, preTokenizer: preTokenizer)
        for fragment in specialTokens.split(bytes, parseSpecial: parseSpecial) {
            switch fragment {
            case .token(let token): output.append(token)
            case .text(let range): encoder.encode(UnsafeBufferPointer(rebasing: bytes[range]), into: &output)
            }
        }
        return output
    }

    /// The exact bytes of a token sequence. Control tokens add nothing unless `renderSpecial`,
    /// which writes their spelling (`<|im_end|>`), as llama.cpp's detokenizer does.
    public func decode(_ tokens: [TokenID], renderSpecial: Bool = false) -> [UInt8] {
        var text: [UInt8] = []
        for token in tokens {
            if renderSpecial, let kind = kind(of: token), kind == .control || kind == .unknown {
                text.append(contentsOf: pieces[Int(token)])
            } else {
                text.append(contentsOf: bytes(of: token))
            }
        }
        return text
    }

    /// The bytes a token adds to the text: possibly part of a UTF-8 character, empty for control
    /// tokens and for ids outside the vocabulary.
    public func bytes(of token: TokenID) -> [UInt8] {
        switch kind(of: token) {
        case .normal?, .userDefined?: Array(pieces[Int(token)])
        default: []
        }
    }

    /// A token for display: valid text as is, control tokens by their spelling, and whatever
    /// could confuse a reader escaped (`\n`, `\t`, `\\`, `\u{1}`, and `\xE4` for bytes that
    /// are not complete UTF-8). Never fails, whatever the id.
    public func piece(_ token: TokenID) -> String {
        guard kind(of: token) != nil else { return "<invalid token \(token)>" }
        return DisplayText.escaping(pieces[Int(token)])
    }

    public func kind(of token: TokenID) -> TokenKind? {
        (0..<count).contains(Int(token)) ? kinds[Int(token)] : nil
    }

    public func isEndOfGeneration(_ token: TokenID) -> Bool {
        endOfGeneration.contains(token)
    }

    public func isControl(_ token: TokenID) -> Bool {
        kind(of: token) == .control
    }

    public func controlSpelling(of token: TokenID) -> String? {
        isControl(token) ? piece(token) : nil
    }

    /// The token that is exactly this text (a control token's spelling, or a normal token whose
    /// bytes are the text), or nil.
    public func token(forText text: String) -> TokenID? {
        let target = Array(text.utf8)
        var spelling: [UInt8] = []
        for byte in target { spelling.append(contentsOf: ByteLevelAlphabet.utf8OfByte[Int(byte)]) }
        for candidate in [spelling, target] {
            guard let symbol = bpe.symbols.find(candidate) else { continue }
            let token = bpe.tokenOfSymbol[Int(symbol)]
            if token >= 0 && pieces[Int(token)].elementsEqual(target) { return token }
        }
        return nil
    }

    /// The chat template, or why the model has none DecodeLab can use.
    public func requireChatTemplate() throws(ChatTemplateError) -> ChatTemplate {
        if let chatTemplate { return chatTemplate }
        throw chatTemplateProblem ?? .missing
    }

    /// The spellings llama.cpp treats as end of generation in any vocabulary.
    private static let endOfTurnSpellings: Set<String> = [
        "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|eom_id|>",
        "<EOT>", "_<EOT>", "<|end_of_text|>", "<end_of_utterance>",
    ]
    /// First bytes of those spellings, to skip hashing the other 99.9% of a vocabulary.
    private static let endOfTurnInitials: Set<UInt8> = Set(endOfTurnSpellings.compactMap(\.utf8.first))
}
