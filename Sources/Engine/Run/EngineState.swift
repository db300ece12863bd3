/// Where the Engine's run is; the header shows it.
public enum EngineState: String, Sendable, Codable, Equatable {
    /// Configured, no step taken yet and not running.
    case idle
    case running
    case paused
    /// The run ended (a `finished` or `failed` event says why); `start` or `reset` begins anew.
    case finished
}
