/// The shape of a Llama-family model, read from GGUF metadata (`<arch>.` keys); nothing is
/// assumed about any particular model.
public struct LlamaHyperparameters: Sendable, Equatable {
    public var architecture: String
    public var layerCount: Int
    public var embeddingLength: Int
    public var feedForwardLength: Int
    public var headCount: Int
    public var kvHeadCount: Int
    public var headDimension: Int
    public var contextLength: Int
    public var rmsEpsilon: Float
    public var rope: RotaryEmbedding.Configuration

    /// Architectures whose block layout this forward pass implements, with their RoPE pairing.
    static let ropeStyles: [String: RotaryEmbedding.Style] = ["llama": .normal]

    public var queryDimension: Int { headCount * headDimension }
    public var kvDimension: Int { kvHeadCount * headDimension }

    public init(gguf: GGUFFile) throws(GGUFError) {
        func failure(_ key: String, _ problem: String) -> GGUFError {
            GGUFError(path: gguf.path, offset: nil, problem: "metadata key \(key) \(problem)")
        }
        func positive(_ key: String, default fallback: Int? = nil) throws(GGUFError) -> Int {
            let value: Int
            if gguf[key] == nil, let fallback { value = fallback } else { value = try gguf.requiredInt(key) }
            guard value > 0 else { throw failure(key, "must be positive, is \(value)") }
            return value
        }
        func float(_ key: String, default fallback: Float?) throws(GGUFError) -> Float {
            guard let raw = gguf[key] else {
                guard let fallback else { throw failure(key, "is missing") }
                return fallback
            }
            guard let value = raw.float else { throw failure(key, "is \(raw.typeName), expected a number") }
            guard value.isFinite else { throw failure(key, "is \(value), expected a finite number") }
            return Float(value)
        }

        architecture = try gguf.requiredString("general.architecture")
        guard let style = Self.ropeStyles[architecture] else {
            throw failure("general.architecture", "is '\(architecture)'; supported: \(Self.ropeStyles.keys.sorted().joined(separator: ", "))")
        }
        let a = architecture
        layerCount = try positive("\(a).block_count")
        embeddingLength = try positive("\(a).embedding_length")
        feedForwardLength = try positive("\(a).feed_forward_length")
        headCount = try positive("\(a).attention.head_count")
        kvHeadCount = try positive("\(a).attention.head_count_kv", default: headCount)
        guard headCount % kvHeadCount == 0 else {
            throw failure("\(a).attention.head_count_kv", "(\(kvHeadCount)) must divide \(a).attention.head_count (\(headCount))")
        }
        guard embeddingLength % headCount == 0 || gguf["\(a).attention.key_length"] != nil else {
            throw failure("\(a).attention.head_count", "(\(headCount)) does not divide \(a).embedding_length (\(embeddingLength))")
        }
        headDimension = try positive("\(a).attention.key_length", default: embeddingLength / headCount)
        let valueLength = try positive("\(a).attention.value_length", default: headDimension)
        guard valueLength == headDimension else {
            throw failure("\(a).attention.value_length", "(\(valueLength)) differs from the key length \(headDimension), which is not supported")
        }
        contextLength = try positive("\(a).context_length")
        rmsEpsilon = try float("\(a).attention.layer_norm_rms_epsilon", default: nil)
        guard rmsEpsilon > 0 else { throw failure("\(a).attention.layer_norm_rms_epsilon", "must be positive") }

        let dimensions = try positive("\(a).rope.dimension_count", default: headDimension)
        guard dimensions <= headDimension, dimensions % 2 == 0 else {
            throw failure("\(a).rope.dimension_count", "(\(dimensions)) must be even and at most the head dimension \(headDimension)")
        }
        let base = try float("\(a).rope.freq_base", default: 10_000)
        guard base > 0 else { throw failure("\(a).rope.freq_base", "must be positive") }
        var frequencyScale: Float = 1
        let scalingType = gguf["\(a).rope.scaling.type"]?.string ?? "none"
        switch scalingType {
        case "none":
            // Older files carry only the linear factor.
            if gguf["\(a).rope.scale_linear"] != nil {
                let factor = try float("\(a).rope.scale_linear", default: nil)
                guard factor > 0 else { throw failure("\(a).rope.scale_linear", "must be positive") }
                frequencyScale = 1 / factor
            }
        case "linear":
            let factor = try float("\(a).rope.scaling.factor", default: nil)
            guard factor > 0 else { throw failure("\(a).rope.scaling.factor", "must be positive") }
            frequencyScale = 1 / factor
        default:
            throw failure("\(a).rope.scaling.type", "is '\(scalingType)'; supported: none, linear")
        }
        rope = RotaryEmbedding.Configuration(style: style, dimensions: dimensions, base: base, frequencyScale: frequencyScale)
    }
}
