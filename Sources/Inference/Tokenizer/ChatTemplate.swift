/// A model's chat format, recognized from its `tokenizer.chat_template` (Jinja) and reproduced
/// exactly without a Jinja engine. Recognized: ChatML (`<|im_start|>role\ncontent<|im_end|>\n`,
/// generation prompt `<|im_start|>assistant\n`), optionally with the default system prompt that
/// SmolLM2 and Qwen2 templates insert when the chat does not start with one.
public struct ChatTemplate: Sendable, Equatable {
    /// The system prompt the template adds when the first message is not a system message.
    public let defaultSystemPrompt: String?

    public init(defaultSystemPrompt: String? = nil) {
        self.defaultSystemPrompt = defaultSystemPrompt
    }

    /// Recognizes a Jinja chat template; throws for anything that is not a known ChatML form.
    public init(jinja source: String) throws(ChatTemplateError) {
        let items = try JinjaOutline(source).items
        var rest = items[...]
        func take(_ item: JinjaOutline.Item) -> Bool {
            guard rest.first == item else { return false }
            rest.removeFirst()
            return true
        }
        guard take(.statement("for message in messages")) else {
            throw .unsupported(reason: "it does not start with a loop over the messages")
        }
        var defaultSystemPrompt: String?
        if take(.statement("if loop['first'] and messages[0]['role']!='system'")) {
            guard case .text(let text)? = rest.first, take(.text(text)), take(.statement("endif")),
                  text.hasPrefix(Self.start + "system\n"), text.hasSuffix(Self.end + "\n") else {
                throw .unsupported(reason: "its default system prompt is not a ChatML system message")
            }
            defaultSystemPrompt = String(text.dropFirst((Self.start + "system\n").count).dropLast((Self.end + "\n").count))
        }
        let turn: [JinjaOutline.Item] = [
            .text(Self.start), .expression("message['role']"), .text("\n"),
            .expression("message['content']"), .text(Self.end + "\n"), .statement("endfor"),
            .statement("if add_generation_prompt"), .text(Self.start + "assistant\n"), .statement("endif"),
        ]
        guard Array(rest) == turn else {
            throw .unsupported(reason: "its messages are not written as <|im_start|>role\\ncontent<|im_end|>\\n followed by an <|im_start|>assistant\\n generation prompt")
        }
        self.defaultSystemPrompt = defaultSystemPrompt
    }

    /// The conversation as the template prints it, ending with the assistant's opening when
    /// `addGenerationPrompt` is set. Its markers are special tokens (`PromptEncoding` keeps the
    /// messages' own text plain).
    public func format(_ messages: [ChatMessage], addGenerationPrompt: Bool = true) -> String {
        var out = ""
        for (index, message) in messages.enumerated() {
            if index == 0, message.role != "system", let defaultSystemPrompt {
                out += Self.start + "system\n" + defaultSystemPrompt + Self.end + "\n"
            }
            out += Self.start + message.role + "\n" + message.content + Self.end + "\n"
        }
        if addGenerationPrompt { out += Self.start + "assistant\n" }
        return out
    }

    private static let start = "<|im_start|>"
    private static let end = "<|im_end|>"
}
