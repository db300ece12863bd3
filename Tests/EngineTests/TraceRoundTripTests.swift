import Foundation
import Testing
import Decoding
import Engine
import Inference

struct TraceRoundTripTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-\(UUID().uuidString)-\(name)").path
    }

    @Test(arguments: ["sampling", "greedy", "beam"])
    func writtenEventsReadBackIdentically(strategy: String) async throws {
        var configuration = samplingConfiguration(maxNewTokens: 8)
        configuration.strategy = strategy
        let engine = try Engine(model: ToyModel(), configuration: configuration, buffering: .unbounded)
        await engine.start()
        let events = await eventsUntilEnd(of: engine)
        let path = temporaryPath("trace.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .f32, promptText: "the cat", chat: false, configuration: configuration)
        let writer = try TraceWriter(path: path, header: header)
        for event in events { try writer.write(event) }
        try writer.close()

        let trace = try TraceFile.read(path: path)
        #expect(trace.header == header)
        #expect(trace.events == events)
        #expect(trace.generatedTokens == committedTokens(in: events))
        #expect(trace.finishReason != nil && events.last == .finished(trace.finishReason ?? .cancelled))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == events.count + 1)
    }

    @Test func payloadsOfEveryFamilyRoundTrip() throws {
        let payloads: [StepPayload] = [
            .draftTree(DraftTreeTrace(nodes: [
                .init(token: 3, parent: nil, p: 0.5, q: 0.25, r: 0.9, verdict: .accepted),
                .init(token: 4, parent: 0, p: 0.1, q: 0, r: nil, verdict: .rejected, residualTop: [TokenProbability(token: 5, logit: 1, probability: 1)]),
            ], acceptedPath: [0], drafter: "early exit @ 2")),
            .mask(MaskTrace(allowedCount: 3, vocabularySize: 16, tested: [.init(token: 2, probability: 0.4, allowed: false)], maskedMass: 0.4, distribution: nil)),
            .particles(ParticleTrace(particles: [.init(tail: [1, 2], logWeight: -.infinity, normalizedWeight: 0, ancestor: nil, finished: false)], effectiveSampleSize: 1, resampled: true)),
        ]
        for payload in payloads {
            let event = EngineEvent.step(StepTrace(index: 0, generatedBefore: 0, tokens: [TracedToken(token: 1, source: .bonus)], payload: payload, targetEvaluations: 1))
            let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .f32, promptText: "", chat: false,
                                     configuration: samplingConfiguration())
            let path = temporaryPath("payload.jsonl")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let writer = try TraceWriter(path: path, header: header)
            try writer.write(event)
            try writer.close()
            #expect(try TraceFile.read(path: path).events == [event])
        }
    }

    /// The activation mode travels in the header; a header written before it did ran f32.
    @Test func theHeaderKeepsTheActivationModeAndOldOnesWereF32() throws {
        let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .q8,
                                 promptText: "", chat: false, configuration: samplingConfiguration())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = try encoder.encode(header)
        let text = String(decoding: line, as: UTF8.self)
        #expect(try TraceFile.parse(line, path: "q8.jsonl").header == header)
        #expect(text.contains("\"activations\":\"q8\","))
        let old = Data(text.replacingOccurrences(of: "\"activations\":\"q8\",", with: "").utf8)
        #expect(try TraceFile.parse(old, path: "old.jsonl").header.activations == .f32)
    }

    @Test func statsWrittenBeforePrecomputedTokensDecode() throws {
        let old = #"{"generatedTokens":3,"steps":3,"targetEvaluations":3,"draftEvaluations":0,"promptSeconds":0.5,"decodeSeconds":2}"#
        let stats = try JSONDecoder().decode(EngineStats.self, from: Data(old.utf8))
        #expect(stats == EngineStats(generatedTokens: 3, steps: 3, targetEvaluations: 3, promptSeconds: 0.5, decodeSeconds: 2))
        #expect(stats.tokensPerSecond == 1.5)
    }

    @Test func malformedLinesNameTheLine() throws {
        let path = temporaryPath("bad.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .f32, promptText: "", chat: false, configuration: samplingConfiguration())
        let writer = try TraceWriter(path: path, header: header)
        try writer.write(.finished(.length))
        try writer.close()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":\"warp\"}\n".utf8))
        try handle.close()
        #expect(throws: TraceError.self) { try TraceFile.read(path: path) }
        do {
            _ = try TraceFile.read(path: path)
        } catch let error as TraceError {
            #expect(error.line == 3)
        }
    }

    /// A committed token outside the model's vocabulary (an edited trace) is named with its
    /// line, blank lines counted: the tokenizer would decode it to nothing.
    @Test func aCommittedTokenOutsideTheVocabularyIsNamedWithItsLine() async throws {
        let engine = try Engine(model: ToyModel(), configuration: samplingConfiguration(maxNewTokens: 3), buffering: .unbounded)
        await engine.start()
        let events = await eventsUntilEnd(of: engine)
        let path = temporaryPath("edited.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .f32, promptText: "", chat: false, configuration: samplingConfiguration())
        let writer = try TraceWriter(path: path, header: header)
        for event in events { try writer.write(event) }
        try writer.close()
        let size = ToyModel().vocabulary.count
        #expect(try TraceFile.read(path: path).committedTokenRefused(vocabularySize: size) == nil)

        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let secondStep = try #require(lines.indices.filter { lines[$0].hasPrefix("{\"event\":\"step\"") }.dropFirst().first)
        // A sampling step's one token ends its line.
        lines[secondStep] = lines[secondStep].replacing(/"token":\d+\}\]\}\}$/, with: "\"token\":99999999}]}}")
        lines.insert("", at: 1)
        let edited = try TraceFile.parse(Data(lines.joined(separator: "\n").utf8), path: path)
        let refused = try #require(edited.committedTokenRefused(vocabularySize: size))
        #expect(refused.line == secondStep + 2)
        #expect(refused.message == "generated token 1 = 99999999 is outside the vocabulary 0…\(size - 1)")
    }

    @Test func holdbackNeverSplitsACharacter() {
        var holdback = UTF8Holdback()
        let text = Array("é€😀a".utf8)
        var out: [UInt8] = []
        for byte in text {
            let ready = holdback.push([byte])
            #expect(String(validating: ready, as: UTF8.self) != nil)
            out += ready
        }
        out += holdback.flush()
        #expect(out == text)
    }

    /// Generation can stop inside a character (the token limit falls between its bytes): the
    /// output still ends in valid UTF-8.
    @Test(arguments: [[0xF0, 0x9F], [0xE2], [0x61, 0xF0, 0x9F, 0x98]] as [[UInt8]])
    func anUnfinishedCharacterEndsAsReplacement(bytes: [UInt8]) throws {
        var holdback = UTF8Holdback()
        let out = holdback.push(bytes) + holdback.flush()
        let text = try #require(String(validating: out, as: UTF8.self))
        #expect(text.hasSuffix("\u{FFFD}"))
        #expect(text.unicodeScalars.count == (bytes.first == 0x61 ? 2 : 1))
    }
}
