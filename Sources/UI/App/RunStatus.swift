import Engine

/// What the header says about the run.
public enum RunStatus: Equatable, Sendable {
    case starting
    case running
    case paused
    case finished(FinishReason)
    case failed(String)

    var label: String {
        switch self {
        case .starting: "◌ starting"
        case .running: "▶ running"
        case .paused: "⏸ paused"
        case .finished(let reason): "■ \(reason.rawValue)"
        case .failed: "✗ failed"
        }
    }

    var role: ThemeRole {
        switch self {
        case .starting, .paused: .paused
        case .running: .running
        case .finished: .finished
        case .failed: .failure
        }
    }
}
