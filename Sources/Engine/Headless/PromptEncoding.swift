import Inference

/// Turns the user's prompt text into the tokens a run starts from, as llama.cpp does: BOS when
/// the model asks for it, and with `chat` the text wrapped as a user message by the model's
/// chat template followed by the assistant's generation prompt.
public enum PromptEncoding {
    public static func tokens(for text: String, chat: Bool, tokenizer: Tokenizer) throws -> [TokenID] {
        var tokens: [TokenID] = []
        if tokenizer.addsBOS, let bos = tokenizer.bosToken { tokens.append(bos) }
        if chat {
            tokens += userMessage(text, template: try tokenizer.requireChatTemplate(), tokenizer: tokenizer)
        } else {
            tokens += tokenizer.encode(text)
        }
        return tokens
    }

    /// The template's own markers are special tokens, the user's text is plain text: a
    /// `<|im_end|>` typed in a prompt stays characters, as it does without chat, instead of
    /// ending the user's turn and letting the prompt write the assistant's.
    static func userMessage(_ text: String, template: ChatTemplate, tokenizer: Tokenizer) -> [TokenID] {
        // A private-use stand-in no template writes: the pieces around it are the template's.
        let standIn = "\u{E000}decodelab user text\u{E000}"
        let pieces = template.format([.user(standIn)], addGenerationPrompt: true).components(separatedBy: standIn)
        var tokens = tokenizer.encode(pieces[0], parseSpecial: true)
        for piece in pieces.dropFirst() {
            tokens += tokenizer.encode(text)
            tokens += tokenizer.encode(piece, parseSpecial: true)
        }
        return tokens
    }
}
