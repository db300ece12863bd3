/// How text is cut into words before BPE merges inside each word, chosen by the GGUF key
/// `tokenizer.ggml.pre`. Each case reproduces llama.cpp's regex list for that name.
public enum PreTokenizer: String, Sendable, CaseIterable {
    /// GPT-2's regex alone.
    case gpt2
    /// Every number scalar on its own (`\p{N}`), then GPT-2's regex (SmolLM, StarCoder).
    case smollm
    /// The llama3 regex: case-insensitive contractions, one-character word prefixes, up to three digits.
    case llama3
    /// The llama3 regex with single digits (Qwen2).
    case qwen2

    /// The pre-tokenizer llama.cpp uses for a `tokenizer.ggml.pre` value, when it is one of these.
    public init?(ggufName name: String) {
        switch name {
        case "gpt-2", "phi-2", "jina-es", "jina-de", "jina-v2-es", "jina-v2-de", "gigachat", "mpt", "olmo", "jais", "exaone4":
            self = .gpt2
        case "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b":
            self = .smollm
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2":
            self = .llama3
        case "qwen2", "deepseek-r1-qwen", "kormo", "megrez", "stablelm2", "hunyuan":
            self = .qwen2
        default:
            return nil
        }
    }

    /// llama.cpp emits a whole word as one token when the vocabulary has it, without merging (llama3 only).
    var wholeWordsFirst: Bool { self == .llama3 }

    /// Calls `emit` with each word of `text`, as a range of scalar indices, in order.
    func split(_ text: ScalarText, emit: (Range<Int>) -> Void) {
        let all = 0..<text.count
        switch self {
        case .gpt2:
            GPT2WordSplitter.split(text, all, emit: emit)
        case .smollm:
            var segmentStart = 0
            for position in all where text.classes[position].isNumber {
                GPT2WordSplitter.split(text, segmentStart..<position, emit: emit)
                emit(position..<position + 1)
                segmentStart = position + 1
            }
            GPT2WordSplitter.split(text, segmentStart..<text.count, emit: emit)
        case .llama3:
            Llama3WordSplitter(maxDigits: 3).split(text, all, emit: emit)
        case .qwen2:
            Llama3WordSplitter(maxDigits: 1).split(text, all, emit: emit)
        }
    }
}
