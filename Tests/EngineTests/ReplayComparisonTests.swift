import Foundation
import Testing
import Engine
import Inference

/// `replay` of a trace whose run never finished compares the tokens it holds; a model file
/// with other bytes than the recorded digest is named as the reason, not left to diverge.
struct ReplayComparisonTests {
    /// Replays `configuration` on the ToyModel through `comparison` until it decides or the run ends.
    func replay(_ configuration: RunConfiguration, into comparison: inout ReplayComparison) async throws {
        let engine = try Engine(model: ToyModel(), configuration: configuration, buffering: .unbounded)
        await engine.start()
        events: for await event in engine.events {
            switch event {
            case .step(let step): if comparison.add(step.committedTokens.map(\.token)) { break events }
            case .finished, .failed: break events
            default: continue
            }
        }
        await engine.shutdown()
    }

    @Test func anInterruptedTraceMatchesAsFarAsItGoes() async throws {
        let configuration = samplingConfiguration(maxNewTokens: 20)
        let engine = try Engine(model: ToyModel(), configuration: configuration, buffering: .unbounded)
        await engine.start()
        let full = committedTokens(in: await eventsUntilEnd(of: engine))
        await engine.shutdown()
        #expect(full.count == 20)

        var cut = ReplayComparison(recorded: Array(full.prefix(7)), complete: false)
        try await replay(configuration, into: &cut)
        #expect(cut.divergence == nil)
        #expect(cut.replayed == Array(full.prefix(7)))

        // The same tokens read as a finished run are a divergence: the replay goes on.
        var finished = ReplayComparison(recorded: Array(full.prefix(7)), complete: true)
        try await replay(configuration, into: &finished)
        #expect(finished.divergence == 7)
    }

    @Test func aDifferentTokenInAnIncompleteTraceStillDiverges() {
        var comparison = ReplayComparison(recorded: [5, 6, 7], complete: false)
        let firstDecides = comparison.add([5])
        let secondDecides = comparison.add([9, 7])
        #expect(!firstDecides && secondDecides)
        #expect(comparison.divergence == 1)
    }

    @Test func aModelFileWithOtherBytesIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("model.gguf"), other = folder.appendingPathComponent("other.gguf")
        try Data("GGUF one".utf8).write(to: original)
        try Data("GGUF two".utf8).write(to: other)
        let recorded = ModelIdentity(path: original.path, fileName: "model.gguf", byteCount: 8, sha256: SHA256.hexDigest(of: Array("GGUF one".utf8)))
        #expect(try recorded.difference(fromFileAt: original.path) == nil)
        let digest = SHA256.hexDigest(of: Array("GGUF two".utf8))
        #expect(try recorded.difference(fromFileAt: other.path)
            == "the trace was recorded with model sha256 \(recorded.sha256 ?? "") (model.gguf); \(other.path) has sha256 \(digest)")
        // Without a recorded digest there is nothing to compare.
        #expect(try ModelIdentity(path: "", fileName: "model.gguf", byteCount: 8, sha256: nil).difference(fromFileAt: other.path) == nil)
    }

    /// A trace names its model by absolute path, so it replays from any working directory; a
    /// symlinked model is sized as the file it points to.
    @Test func aModelIsNamedByItsAbsolutePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("model.gguf"), link = folder.appendingPathComponent("link.gguf")
        try Data("GGUF bytes".utf8).write(to: model)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: model)
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + link.path.dropFirst()
        let identity = try ModelIdentity.describe(path: relative, hashing: false)
        #expect(identity.path == link.path)
        #expect(identity.fileName == "link.gguf" && identity.byteCount == 10)
    }
}
