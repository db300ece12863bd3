/// Why a run stopped producing tokens.
public enum FinishReason: String, Sendable, Codable, Equatable {
    case endOfGeneration = "eos"
    case length
    case contextFull = "context-full"
    case cancelled
}
