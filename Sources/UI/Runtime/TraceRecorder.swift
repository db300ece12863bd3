import Engine
import Foundation

/// The events of the run on screen, kept so `w` can save them as a trace `decodelab replay`
/// reads (the format of `decodelab generate --events`). A restart, strategy switch or new
/// parameter starts a new run: the events of the earlier one are dropped with it.
struct TraceRecorder {
    private(set) var events: [EngineEvent] = []

    mutating func record(_ event: EngineEvent) {
        if case .started = event { events.removeAll() }
        events.append(event)
    }

    /// What the run on screen was started with; nil before the first run starts.
    var configuration: RunConfiguration? {
        guard case .started(let configuration)? = events.first else { return nil }
        return configuration
    }

    /// True once the run has finished, so its trace holds all of it.
    var isFinished: Bool {
        events.contains { if case .finished = $0 { true } else { false } }
    }

    /// Writes `header` and then `events`, one JSON object per line.
    static func write(_ events: [EngineEvent], header: TraceHeader, to path: String) throws {
        let writer = try TraceWriter(path: path, header: header)
        for event in events { try writer.write(event) }
        try writer.close()
    }
}
