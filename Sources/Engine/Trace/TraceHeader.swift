import Foundation

/// The first line of a trace file: what was run, so `replay` can run it again.
public struct TraceHeader: Sendable, Codable, Equatable {
    public static let formatName = "decodelab-trace"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var model: ModelIdentity
    /// The prompt as the user typed it (before any chat template).
    public var promptText: String
    /// Whether the prompt was wrapped as a user message with the chat template.
    public var chat: Bool
    public var configuration: RunConfiguration
    /// ISO 8601 time of recording.
    public var recordedAt: String

    public init(model: ModelIdentity, promptText: String, chat: Bool, configuration: RunConfiguration, recordedAt: Date = Date()) {
        format = Self.formatName
        version = Self.currentVersion
        self.model = model
        self.promptText = promptText
        self.chat = chat
        self.configuration = configuration
        self.recordedAt = ISO8601DateFormatter().string(from: recordedAt)
    }
}
