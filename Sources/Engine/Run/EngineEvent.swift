import Decoding

/// What the Engine publishes. A trace file is this stream as JSON Lines.
public enum EngineEvent: Sendable, Equatable {
    /// A run began from the prompt (first start, restart, strategy switch, new parameter).
    case started(RunConfiguration)
    case step(StepTrace)
    case stats(EngineStats)
    case state(EngineState)
    case finished(FinishReason)
    case failed(String)
}

extension EngineEvent: Codable {
    private enum Key: String, CodingKey {
        case event, configuration, step, stats, state, reason, message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .started(let configuration):
            try container.encode("started", forKey: .event)
            try container.encode(configuration, forKey: .configuration)
        case .step(let trace):
            try container.encode("step", forKey: .event)
            try container.encode(trace, forKey: .step)
        case .stats(let stats):
            try container.encode("stats", forKey: .event)
            try container.encode(stats, forKey: .stats)
        case .state(let state):
            try container.encode("state", forKey: .event)
            try container.encode(state, forKey: .state)
        case .finished(let reason):
            try container.encode("finished", forKey: .event)
            try container.encode(reason, forKey: .reason)
        case .failed(let message):
            try container.encode("failed", forKey: .event)
            try container.encode(message, forKey: .message)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        switch try container.decode(String.self, forKey: .event) {
        case "started": self = .started(try container.decode(RunConfiguration.self, forKey: .configuration))
        case "step": self = .step(try container.decode(StepTrace.self, forKey: .step))
        case "stats": self = .stats(try container.decode(EngineStats.self, forKey: .stats))
        case "state": self = .state(try container.decode(EngineState.self, forKey: .state))
        case "finished": self = .finished(try container.decode(FinishReason.self, forKey: .reason))
        case "failed": self = .failed(try container.decode(String.self, forKey: .message))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .event, in: container, debugDescription: "unknown event '\(other)'")
        }
    }
}
