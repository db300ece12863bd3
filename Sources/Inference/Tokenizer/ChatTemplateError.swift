/// Why a model's chat cannot be formatted.
public enum ChatTemplateError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The GGUF has no `tokenizer.chat_template`.
    case missing
    /// The template is Jinja that DecodeLab does not reproduce (it formats the ChatML family only).
    case unsupported(reason: String)

    public var description: String {
        switch self {
        case .missing:
            "the model has no chat template (tokenizer.chat_template)"
        case .unsupported(let reason):
            "the model's chat template is not supported: \(reason); DecodeLab formats ChatML templates (<|im_start|>role\\ncontent<|im_end|>) only"
        }
    }
}
