import Testing
@testable import Inference

/// Chat formatting must print exactly what the model's Jinja template prints.
@Suite struct ChatTemplateTests {
    static let smolSystem = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"

    /// The default model's `tokenizer.chat_template`, verbatim.
    static let smolTemplate = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"

    /// The common ChatML template, spelled with escapes, double quotes, attribute access and trims.
    static let plainChatML = """
        {%- for message in messages -%}
            {{- "<|im_start|>" + message.role + "\\n" + message.content + "<|im_end|>\\n" -}}
        {%- endfor -%}
        {%- if add_generation_prompt -%}
            {{- "<|im_start|>assistant\\n" -}}
        {%- endif -%}
        """

    @Test func theDefaultModelCarriesTheSmolLMTemplate() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        let template = try tokenizer.requireChatTemplate()
        #expect(template == ChatTemplate(defaultSystemPrompt: Self.smolSystem))
        #expect(try ChatTemplate(jinja: Self.smolTemplate) == template)
    }

    @Test func aUserTurnGetsTheDefaultSystemPromptAndMatchesLlamaCppIds() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        let text = try tokenizer.requireChatTemplate().format([.user("What is 2+2?")])
        #expect(text == "<|im_start|>system\n\(Self.smolSystem)<|im_end|>\n<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n")
        // The same conversation's ids, from ../shared/golden/smollm2/tokenize.jsonl (parse_special).
        #expect(tokenizer.encode(text, parseSpecial: true) == [
            1, 9690, 198, 2683, 359, 253, 5356, 5646, 11173, 3365, 3511, 308, 34519, 28, 7018, 411, 407, 19712, 8182, 2, 198,
            1, 4093, 198, 1780, 314, 216, 34, 27, 34, 47, 2, 198, 1, 520, 9531, 198,
        ])
    }

    @Test func anExplicitSystemPromptReplacesTheDefault() throws {
        let template = try ChatTemplate(jinja: Self.smolTemplate)
        let text = template.format([.system("Be brief."), .user("Hi"), .assistant("Hello!"), .user("Bye")], addGenerationPrompt: false)
        #expect(text == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n")
    }

    @Test func aSystemMessageLaterOnDoesNotSuppressTheDefault() throws {
        let template = try ChatTemplate(jinja: Self.smolTemplate)
        // The template tests messages[0] only: a system message later is just another turn.
        #expect(template.format([.user("a"), .system("b")], addGenerationPrompt: false)
            == "<|im_start|>system\n\(Self.smolSystem)<|im_end|>\n<|im_start|>user\na<|im_end|>\n<|im_start|>system\nb<|im_end|>\n")
    }

    @Test func anEmptyChatIsJustTheGenerationPrompt() throws {
        let template = try ChatTemplate(jinja: Self.smolTemplate)
        #expect(template.format([]) == "<|im_start|>assistant\n")
        #expect(template.format([], addGenerationPrompt: false) == "")
    }

    @Test func contentIsCopiedVerbatim() throws {
        let template = try ChatTemplate(jinja: Self.plainChatML)
        #expect(template.defaultSystemPrompt == nil)
        #expect(template.format([ChatMessage(role: "tool", content: "  {{x}}\n<|im_end|> ")], addGenerationPrompt: false)
            == "<|im_start|>tool\n  {{x}}\n<|im_end|> <|im_end|>\n")
    }

    @Test func spellingVariantsOfChatMLAreRecognized() throws {
        let qwenStyle = """
            {% for message in messages %}{% if loop.first and messages[0]["role"] != "system" %}{{ "<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n" }}{% endif %}{{ "<|im_start|>" + message["role"] + "\\n" + message["content"] + "<|im_end|>" + "\\n" }}{% endfor %}{% if add_generation_prompt %}{{ "<|im_start|>assistant\\n" }}{% endif %}
            """
        #expect(try ChatTemplate(jinja: qwenStyle) == ChatTemplate(defaultSystemPrompt: "You are a helpful assistant."))
        let blockStyle = """
            {% for message in messages %}
            {{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}
            {%- endfor %}
            {% if add_generation_prompt %}
              {{- '<|im_start|>assistant\n' }}
            {%- endif %}
            """
        #expect(try ChatTemplate(jinja: blockStyle) == ChatTemplate())
    }

    @Test(arguments: [
        // Llama 3: different markup.
        "{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + message['content'] | trim + '<|eot_id|>' }}{% endfor %}",
        // ChatML that trims content prints something else.
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] | trim + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
        // ChatML with a BOS in front.
        "{{ bos_token }}{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
        // Text outside the tags is printed too.
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}\nTHE END",
        "{% for message in messages %}{{ unterminated",
        "",
    ])
    func otherTemplatesAreRefused(_ source: String) {
        #expect(throws: ChatTemplateError.self) { try ChatTemplate(jinja: source) }
    }

    @Test func aModelWithoutTemplateSaysSo() throws {
        let tokenizer = try TokenizerTinyVocabulary(extra: [], merges: []).tokenizer()
        #expect(tokenizer.chatTemplate == nil)
        #expect(throws: ChatTemplateError.missing) { try tokenizer.requireChatTemplate() }
        let unsupported = try TokenizerTinyVocabulary(extra: [], merges: [])
            .replacing("tokenizer.chat_template", with: .string("{{ messages }}")).tokenizer()
        #expect(unsupported.chatTemplate == nil)
        #expect(throws: ChatTemplateError.self) { try unsupported.requireChatTemplate() }
        #expect("\(ChatTemplateError.missing)" == "the model has no chat template (tokenizer.chat_template)")
    }
}
