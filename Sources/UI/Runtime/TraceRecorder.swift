import Engine
import Foundation

/// The session's engine events, kept so `w` can write them as a JSON Lines trace (the same
/// format as `decodelab generate --events`).
struct TraceRecorder {
    private(set) var events: [EngineEvent] = []

    mutating func record(_ event: EngineEvent) {
        events.append(event)
    }

    /// Writes one JSON object per line; returns the number of events written.
    func write(to path: String) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for event in events {
            data.append(try encoder.encode(event))
            data.append(0x0A)
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        return events.count
    }
}
