import Inference

/// What the running app needs from outside the UI: turning prompt text into tokens (with the
/// model's chat template), the theme files, and where traces go.
public struct AppServices: Sendable {
    /// Encodes the prompt; `chat` wraps it as a user message in the chat template.
    public var encodePrompt: @Sendable (_ text: String, _ chat: Bool) throws -> [TokenID]
    public var themes: ThemeLibrary
    /// A fresh path for the next `w` (trace) file.
    public var tracePath: @Sendable () -> String

    public init(encodePrompt: @escaping @Sendable (String, Bool) throws -> [TokenID], themes: ThemeLibrary,
                tracePath: @escaping @Sendable () -> String) {
        self.encodePrompt = encodePrompt
        self.themes = themes
        self.tracePath = tracePath
    }
}
