import Foundation
import Testing
import Engine

/// A trace header is JSON a person may edit: a value the command line would refuse, or one
/// that does not fit its field, is an error naming the file, line 1 and the field.
struct TraceHeaderCheckTests {
    static let path = "edited.jsonl"

    /// The header line of a sampling run with the default parameters, edited by `edit`.
    static func headerLine(strategy: String = "sampling", _ edit: (from: String, to: String)) throws -> String {
        let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .f32, promptText: "the cat", chat: false,
                                 configuration: RunConfiguration(strategy: strategy, seed: 1, prompt: [1, 3], maxNewTokens: 8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = String(decoding: try encoder.encode(header), as: UTF8.self)
        #expect(line.contains(edit.from), "\(line)")
        return line.replacingOccurrences(of: edit.from, with: edit.to)
    }

    static func error(reading text: String) -> String? {
        do {
            _ = try TraceFile.parse(Data(text.utf8), path: path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func error(readingFile path: String) -> String? {
        do {
            _ = try TraceFile.read(path: path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("\"temperature\":0.8", "\"temperature\":-1", "field configuration.parameters.sampler.temperature = -1 is outside 0.0…5.0"),
        ("\"topK\":40", "\"topK\":-7", "field configuration.parameters.sampler.topK = -7 is outside 0…1000"),
        ("\"topP\":0.95", "\"topP\":5", "field configuration.parameters.sampler.topP = 5 is outside 0.0…1.0"),
        ("\"penaltyWindow\":64", "\"penaltyWindow\":-100", "field configuration.parameters.sampler.penaltyWindow = -100 is outside -1…4096"),
        ("\"maxNewTokens\":8", "\"maxNewTokens\":-3", "field configuration.maxNewTokens = -3 is outside 0…2147483647"),
        ("\"extra\":{}", "\"extra\":{\"draft-length\":0}", "field configuration.parameters.extra.draft-length = 0 is outside 1…32"),
        ("\"extra\":{}", "\"extra\":{\"particles\":2.5}", "field configuration.parameters.extra.particles = 2.5 is not a whole number"),
        ("\"extra\":{}", "\"extra\":{\"warp\":1}", "field configuration.parameters.extra.warp is not a parameter of any strategy"),
        ("\"prompt\":[1,3]", "\"prompt\":[]", "field configuration.prompt is empty: a run needs at least one prompt token"),
    ])
    func aValueTheCommandLineRefusesIsNamed(from: String, to: String, message: String) throws {
        #expect(Self.error(reading: try Self.headerLine((from, to))) == "\(Self.path):1: \(message)")
    }

    /// Token ids are checked once the model, and so the vocabulary, is known.
    @Test func tokensOutsideTheVocabularyAreNamed() {
        var configuration = RunConfiguration(strategy: "sampling", seed: 1, prompt: [1, 3], maxNewTokens: 8)
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration") == nil)
        configuration.prompt = [1, 99_999_999]
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration")
                == "field configuration.prompt[1] = 99999999 is outside the vocabulary 0…15")
        configuration.prompt = [1]
        configuration.parameters.sampler.logitBias = [99: 5]
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration")
                == "field configuration.parameters.sampler.logitBias names token 99, outside the vocabulary 0…15")
        configuration.parameters.sampler.logitBias = [:]
        configuration.parameters.sampler.minKeep = -3
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration") == "field configuration.parameters.sampler.minKeep = -3 is outside 0…16")
    }

    /// Counts of layers are checked against the model's layers: a 4-layer model exits after
    /// layer 3 at the latest and keeps two layers when skipping.
    @Test func layersBeyondTheModelAreNamed() {
        var configuration = RunConfiguration(strategy: "speculative-early-exit", seed: 1, prompt: [1, 3], maxNewTokens: 8)
        configuration.parameters.set("exit-layer", to: 3)
        configuration.parameters.set("skip-layers", to: 2)
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration") == nil)
        configuration.parameters.set("exit-layer", to: 4)
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration")
                == "field configuration.parameters.extra.exit-layer = 4 is outside 1…3 on this model of 4 layers")
        configuration.parameters.set("exit-layer", to: 3)
        configuration.parameters.set("skip-layers", to: 3)
        #expect(configuration.refusedOnModel(vocabularySize: 16, layerCount: 4, under: "configuration")
                == "field configuration.parameters.extra.skip-layers = 3 is outside 1…2 on this model of 4 layers")
    }

    /// A run that ended in a failed event ended; replay compares its failure, not a finish reason.
    @Test func aFailedRunIsToldApartFromAnInterruptedOne() throws {
        let header = try Self.headerLine(("\"seed\":1", "\"seed\":1"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let failed = String(decoding: try encoder.encode(EngineEvent.failed("the model produced a non-finite logit")), as: UTF8.self)
        let trace = try TraceFile.parse(Data((header + "\n" + failed + "\n").utf8), path: Self.path)
        #expect(trace.failure == "the model produced a non-finite logit" && trace.finishReason == nil)
        #expect(try TraceFile.parse(Data((header + "\n").utf8), path: Self.path).failure == nil)
    }

    @Test func beamWidthZeroIsRefused() throws {
        let line = try Self.headerLine(strategy: "beam", ("\"beamWidth\":4", "\"beamWidth\":0"))
        #expect(Self.error(reading: line) == "\(Self.path):1: field configuration.parameters.beamWidth = 0 is outside 1…32")
    }

    @Test func anUnknownStrategyIsNamed() throws {
        let message = Self.error(reading: try Self.headerLine(strategy: "warp", ("\"strategy\":\"warp\"", "\"strategy\":\"warp\"")))
        #expect(message?.hasPrefix("\(Self.path):1: field configuration.strategy = \"warp\" is not one of greedy, sampling") == true, "\(message ?? "")")
    }

    /// Valid JSON whose number does not fit the field: the decoder only says "not valid JSON".
    @Test(arguments: [
        ("\"seed\":1", "\"seed\":-1", "field configuration.seed = -1 is negative; the field holds 0 or more"),
        ("\"seed\":1", "\"seed\":1.5", "field configuration.seed = 1.5 is not a whole number"),
        ("\"maxNewTokens\":8", "\"maxNewTokens\":1000000000000000000000000000000",
         "field configuration.maxNewTokens = 1000000000000000000000000000000 is too large for the field"),
        ("\"prompt\":[1,3]", "\"prompt\":[1,-99999999999]", "field configuration.prompt[1] = -99999999999 is too small for the field"),
        ("\"seed\":1", "\"seed\":\"one\"", "field configuration.seed: expected to decode UInt64 but found a string instead"),
        ("\"format\":\"decodelab-trace\",", "", "field format is missing"),
        ("\"chat\":false", "\"chat\":null", "field chat: expected to decode Bool but found null instead"),
        ("\"activations\":\"f32\"", "\"activations\":\"q9\"", "field activations: unknown value 'q9'"),
        ("\"seed\":1", "\"seed\":1,", "not valid JSON"),
    ])
    func aValueThatDoesNotFitItsFieldIsNamed(from: String, to: String, message: String) throws {
        let error = Self.error(reading: try Self.headerLine((from, to)))
        #expect(error?.hasPrefix("\(Self.path):1: not a trace header: \(message)") == true, "\(error ?? "no error")")
    }

    @Test func anEventLineNamesItsField() throws {
        let text = try Self.headerLine(("\"seed\":1", "\"seed\":1")) + "\n{\"event\":\"warp\"}\n"
        #expect(Self.error(reading: text) == "\(Self.path):2: not an event: field event: unknown event 'warp'")
    }

    /// A recording killed while writing leaves a last line without its newline: the trace is
    /// read as incomplete, while the same line finished by a newline is an error.
    @Test func aLastLineCutOffMidWriteMakesAnIncompleteTrace() throws {
        let header = try Self.headerLine(("\"seed\":1", "\"seed\":1"))
        let trace = try TraceFile.parse(Data((header + "\n{\"event\":\"sta").utf8), path: Self.path)
        #expect(trace.endsMidLine && trace.events.isEmpty)
        #expect(Self.error(reading: header + "\n{\"event\":\"sta\n")?.hasPrefix("\(Self.path):2: not an event") == true)
        #expect(try !TraceFile.parse(Data((header + "\n").utf8), path: Self.path).endsMidLine)
    }

    /// A file without a trace line has no line to blame; one whose trace starts late does.
    @Test(arguments: [
        ("", "\(TraceHeaderCheckTests.path): the file is empty: expected a trace header"),
        ("\n\n\n", "\(TraceHeaderCheckTests.path): the file holds only blank lines: expected a trace header"),
        ("\n{}\n", "\(TraceHeaderCheckTests.path):1: a blank line: expected a trace header"),
    ])
    func aFileWithoutAHeaderLineSaysSo(text: String, message: String) {
        #expect(Self.error(reading: text) == message)
    }

    @Test func aDirectoryIsSaidToBeOne() {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(Self.error(readingFile: folder) == "\(folder): cannot read the file: Is a directory")
    }

    /// Two saves within one second get two files; the first is never overwritten.
    @Test func newFilesNeverReplaceEarlierOnes() throws {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-trace-\(UUID().uuidString)").path
        let first = try TraceWriter.createNewFile(stem: stem)
        defer { try? FileManager.default.removeItem(atPath: first) }
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: first))
        let second = try TraceWriter.createNewFile(stem: stem)
        defer { try? FileManager.default.removeItem(atPath: second) }
        #expect(first == stem + ".jsonl" && second == stem + "-2.jsonl")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "kept\n")
        #expect(throws: TraceError.self) { try TraceWriter.createNewFile(stem: stem + "/missing/trace") }
    }
}
