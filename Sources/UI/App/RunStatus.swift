import Engine

/// What the header says about the run.
public enum RunStatus: Equatable, Sendable {
    case starting
    case running
    /// Space was pressed during a step: the engine pauses when the step ends, which on a large
    /// draft tree can take seconds.
    case pausing
    case paused
    case finished(FinishReason)
    case failed(String)

    /// Follows the engine's state; a finished engine keeps the reason its finished or failed
    /// event gave.
    mutating func follow(_ engineState: EngineState) {
        switch engineState {
        case .idle: self = .starting
        case .running: self = .running
        case .paused: self = .paused
        case .finished: break
        }
    }

    var label: String {
        switch self {
        case .starting: "◌ starting"
        case .running: "▶ running"
        case .pausing: "⏸ pausing…"
        case .paused: "⏸ paused"
        case .finished(let reason): "■ \(reason.rawValue)"
        case .failed: "✗ failed"
        }
    }

    /// The widest label a run can show, so the header keeps room for it from the first frame.
    static let widestLabel: Int = {
        let reasons: [FinishReason] = [.endOfGeneration, .length, .contextFull, .cancelled]
        let all: [RunStatus] = [.starting, .running, .pausing, .paused, .failed("")] + reasons.map { .finished($0) }
        return all.map { CellWidth.of($0.label) }.max() ?? 0
    }()

    /// The label's symbol alone, for narrow titles.
    var symbol: String {
        String(label.prefix { $0 != " " })
    }

    var role: ThemeRole {
        switch self {
        case .starting, .pausing, .paused: .paused
        case .running: .running
        case .finished: .finished
        case .failed: .failure
        }
    }
}
