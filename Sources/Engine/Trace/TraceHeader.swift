import Foundation
import Inference

/// The first line of a trace file: what was run, so `replay` can run it again.
public struct TraceHeader: Sendable, Codable, Equatable {
    public static let formatName = "decodelab-trace"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var model: ModelIdentity
    /// How the model's forward pass fed its matmuls (`--activations`): it moves the logits, so
    /// replay must load the model the same way.
    public var activations: ActivationPrecision
    /// The prompt as the user typed it (before any chat template).
    public var promptText: String
    /// Whether the prompt was wrapped as a user message with the chat template.
    public var chat: Bool
    public var configuration: RunConfiguration
    /// ISO 8601 time of recording.
    public var recordedAt: String

    public init(model: ModelIdentity, activations: ActivationPrecision, promptText: String, chat: Bool, configuration: RunConfiguration,
                recordedAt: Date = Date()) {
        format = Self.formatName
        version = Self.currentVersion
        self.model = model
        self.activations = activations
        self.promptText = promptText
        self.chat = chat
        self.configuration = configuration
        self.recordedAt = ISO8601DateFormatter().string(from: recordedAt)
    }

    /// As synthesized, except that `activations` may be missing: traces written before it was
    /// recorded all ran f32, and still replay.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        model = try container.decode(ModelIdentity.self, forKey: .model)
        activations = try container.decodeIfPresent(ActivationPrecision.self, forKey: .activations) ?? .f32
        promptText = try container.decode(String.self, forKey: .promptText)
        chat = try container.decode(Bool.self, forKey: .chat)
        configuration = try container.decode(RunConfiguration.self, forKey: .configuration)
        recordedAt = try container.decode(String.self, forKey: .recordedAt)
    }
}
