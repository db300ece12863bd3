import Decoding
import Engine
import Inference

/// What the running app needs from outside the UI: turning prompt text into tokens (with the
/// model's chat template), the theme files, where traces go, and loading constraints.
public struct AppServices: Sendable {
    /// Encodes the prompt; `chat` wraps it as a user message in the chat template.
    public var encodePrompt: @Sendable (_ text: String, _ chat: Bool) throws -> [TokenID]
    public var themes: ThemeLibrary
    /// A fresh path for the next `w` (trace) file.
    public var tracePath: @Sendable () -> String
    /// Reads and compiles a constraint the user picked or typed (a file path or `/regex/`);
    /// throws a message naming file:line:column when it does not compile.
    public var loadConstraint: @Sendable (_ reference: String) throws -> ConstraintSpec
    /// Makes the engine of compare mode's second run: its own model instance (own KV cache)
    /// over the same weights. Nil when comparing is not offered.
    public var makeComparisonEngine: (@Sendable (RunConfiguration) throws -> Engine)?

    public init(encodePrompt: @escaping @Sendable (String, Bool) throws -> [TokenID], themes: ThemeLibrary,
                tracePath: @escaping @Sendable () -> String, loadConstraint: @escaping @Sendable (String) throws -> ConstraintSpec,
                makeComparisonEngine: (@Sendable (RunConfiguration) throws -> Engine)? = nil) {
        self.encodePrompt = encodePrompt
        self.themes = themes
        self.tracePath = tracePath
        self.loadConstraint = loadConstraint
        self.makeComparisonEngine = makeComparisonEngine
    }
}
