import Inference

/// Turns the user's prompt text into the tokens a run starts from, as llama.cpp does: BOS when
/// the model asks for it, and with `chat` the text wrapped as a user message by the model's
/// chat template followed by the assistant's generation prompt.
public enum PromptEncoding {
    public static func tokens(for text: String, chat: Bool, tokenizer: Tokenizer) throws -> [TokenID] {
        var tokens: [TokenID] = []
        if tokenizer.addsBOS, let bos = tokenizer.bosToken { tokens.append(bos) }
        if chat {
            let template = try tokenizer.requireChatTemplate()
            tokens += tokenizer.encode(template.format([.user(text)], addGenerationPrompt: true), parseSpecial: true)
        } else {
            tokens += tokenizer.encode(text)
        }
        return tokens
    }
}
