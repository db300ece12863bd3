import Engine
import Foundation
import Testing
@testable import UI

@Suite struct TraceRecorderTests {
    static let toyModel = ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil)

    /// `w` saves the run on screen: a restart drops the earlier run's events, and the file
    /// starts with the header `replay` reads, so it decodes back to exactly that run.
    @Test func savesOnlyTheRunOnScreenWithAReplayableHeader() async throws {
        let state = try await ToyRun.state(steps: 6, size: Size(width: 80, height: 24))
        let earlier = try await ToyRun.events(state.configuration, steps: 3)
        var restarted = state.configuration
        restarted.seed = 7
        let current = try await ToyRun.events(restarted, steps: 6)
        var recorder = TraceRecorder()
        #expect(recorder.configuration == nil)
        for event in earlier + current { recorder.record(event) }
        #expect(recorder.configuration == restarted)
        #expect(recorder.events == current)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-trace-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = TraceHeader(model: Self.toyModel, activations: .f32, promptText: "the cat", chat: false, configuration: restarted)
        try TraceRecorder.write(recorder.events, header: header, to: path)
        let trace = try TraceFile.read(path: path)
        #expect(trace.header == header)
        #expect(trace.events == current)
    }

    @Test func knowsWhetherTheRunFinished() {
        var recorder = TraceRecorder()
        recorder.record(.started(RunConfiguration(strategy: "greedy", seed: 1, prompt: [1], maxNewTokens: 2)))
        #expect(!recorder.isFinished)
        recorder.record(.finished(.length))
        #expect(recorder.isFinished)
    }
}
