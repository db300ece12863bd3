public enum EngineError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownParameter(String, strategy: String)
    case emptyPrompt

    public var description: String {
        switch self {
        case .unknownParameter(let name, let strategy): "strategy '\(strategy)' has no parameter '\(name)'"
        case .emptyPrompt: "the prompt is empty"
        }
    }
}
