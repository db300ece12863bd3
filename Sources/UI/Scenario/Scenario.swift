import Decoding
import Foundation

/// A teaching demo bundled in one JSON file (`samples/scenarios/*.json`, comments allowed):
/// prompt, chat mode, strategy, parameters, constraint and seed. Relative file references
/// are resolved against the scenario's folder.
///
///     { "name": "speculation pays", "promptFile": "../prompts/story.txt", "chat": false,
///       "strategy": "sampling", "seed": 7, "maxNewTokens": 120,
///       "parameters": { "temperature": 0.7, "top-k": 40 } }
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var summary: String?
    public var prompt: String?
    public var chat: Bool?
    public var strategy: String?
    public var seed: UInt64?
    public var maxNewTokens: Int?
    /// By parameter name, as `DecodingParameters.set` knows them.
    public var parameters: [String: Double]
    public var constraint: ConstraintSpec?

    private struct File: Decodable {
        struct Constraint: Decodable {
            var kind: ConstraintSpec.Kind
            var file: String?
            var source: String?
        }

        var name: String
        var description: String?
        var prompt: String?
        var promptFile: String?
        var chat: Bool?
        var strategy: String?
        var seed: UInt64?
        var maxNewTokens: Int?
        var parameters: [String: Double]?
        var constraint: Constraint?
    }

    public static func load(path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let file: File
        do {
            file = try decoder.decode(File.self, from: data)
        } catch {
            throw .malformed(path: path, reason: "\(error)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func read(_ relative: String) throws(ScenarioError) -> (text: String, path: String) {
            let url = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw .unreadable(url.path)
            }
            return (text, url.path)
        }
        var prompt = file.prompt
        if let promptFile = file.promptFile {
            guard prompt == nil else { throw .malformed(path: path, reason: "give either \"prompt\" or \"promptFile\", not both") }
            // Text files end with a newline by convention; it is not part of the prompt.
            var text = try read(promptFile).text
            if text.hasSuffix("\n") { text.removeLast() }
            prompt = text
        }
        var constraint: ConstraintSpec?
        if let entry = file.constraint {
            switch (entry.file, entry.source) {
            case (let relative?, nil):
                let loaded = try read(relative)
                constraint = ConstraintSpec(kind: entry.kind, source: loaded.text, origin: loaded.path)
            case (nil, let source?):
                constraint = ConstraintSpec(kind: entry.kind, source: source, origin: path)
            default:
                throw .malformed(path: path, reason: "a constraint needs exactly one of \"file\" or \"source\"")
            }
        }
        let known = Set((DecodingParameters.samplerParameters + StrategyCatalog.descriptors.flatMap(\.parameters)).map(\.name))
        if let unknown = file.parameters?.keys.sorted().first(where: { !known.contains($0) }) {
            throw .malformed(path: path, reason: "unknown parameter '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        if let strategy = file.strategy, StrategyCatalog.descriptor(named: strategy) == nil {
            throw .unknownStrategy(path: path, name: strategy)
        }
        return Scenario(
            name: file.name, summary: file.description, prompt: prompt, chat: file.chat, strategy: file.strategy, seed: file.seed,
            maxNewTokens: file.maxNewTokens, parameters: file.parameters ?? [:], constraint: constraint)
    }
}
