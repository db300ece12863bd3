/// A token's type as `tokenizer.ggml.token_type` records it (llama.cpp's llama_token_type).
public enum TokenKind: Int32, Sendable {
    case undefined = 0
    case normal = 1
    case unknown = 2
    /// Markup such as `<|im_start|>`: never produced from ordinary text, no text of its own.
    case control = 3
    /// Added by the model's authors; matched in text before BPE, always.
    case userDefined = 4
    case unused = 5
    case byte = 6

    init(ggufValue: Int) {
        self = Int32(exactly: ggufValue).flatMap(TokenKind.init(rawValue:)) ?? .undefined
    }

    /// Kinds whose text is matched verbatim in the input instead of going through BPE; control
    /// and unknown tokens only when special tokens are parsed.
    func isMatchedInText(parseSpecial: Bool) -> Bool {
        switch self {
        case .userDefined: true
        case .control, .unknown: parseSpecial
        default: false
        }
    }
}
