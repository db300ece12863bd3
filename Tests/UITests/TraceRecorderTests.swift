import Engine
import Foundation
import Testing
@testable import UI

@Suite struct TraceRecorderTests {
    /// `w` writes the session as JSON Lines that decode back to exactly the events seen.
    @Test func writesEventsAsJSONLinesThatRoundTrip() async throws {
        let state = try await ToyRun.state(steps: 6, size: Size(width: 80, height: 24))
        let events = try await ToyRun.events(state.configuration, steps: 6)
        var recorder = TraceRecorder()
        for event in events { recorder.record(event) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-trace-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try recorder.write(to: path) == events.count)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == events.count)
        let decoded = try lines.map { try JSONDecoder().decode(EngineEvent.self, from: Data($0.utf8)) }
        #expect(decoded == events)
    }
}
