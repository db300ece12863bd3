import Decoding
import Engine
import Inference

/// What the running app needs from outside the UI: turning prompt text into tokens (with the
/// model's chat template), the theme files, where traces go and
/// which model they name, and loading constraints.
public struct AppServices: Sendable {
    /// Encodes the prompt; `chat` wraps it as a user message in the chat template.
    public var encodePrompt: @Sendable (_ text: String, _ chat: Bool) throws -> [TokenID]
    public var themes: ThemeLibrary
    /// Creates a new empty file for the next `w` (trace) and returns its path; never one an
    /// earlier press (or another session) already wrote.
    public var tracePath: @Sendable () throws -> String
    /// The model file's identity for a trace header. Hashing a large file takes seconds, so
    /// this runs off the main actor and is expected to remember its answer.
    public var modelIdentity: @Sendable () async throws -> ModelIdentity
    /// How the model's forward pass feeds its matmuls, which a trace header records too.
    public var activations: ActivationPrecision
    /// Reads and compiles a constraint the user picked or typed (a file path or `/regex/`);
    /// throws a message naming file:line:column when it does not compile.
    public var loadConstraint: @Sendable (_ reference: String) throws -> ConstraintSpec
    /// Makes the engine of compare mode's second run: its own model instance (own KV cache)
    /// over the same weights. Nil when comparing is not offered.
    public var makeComparisonEngine: (@Sendable (RunConfiguration) throws -> Engine)?

    public init(encodePrompt: @escaping @Sendable (String, Bool) throws -> [TokenID], themes: ThemeLibrary,
                tracePath: @escaping @Sendable () throws -> String, modelIdentity: @escaping @Sendable () async throws -> ModelIdentity,
                activations: ActivationPrecision, loadConstraint: @escaping @Sendable (String) throws -> ConstraintSpec,
                makeComparisonEngine: (@Sendable (RunConfiguration) throws -> Engine)? = nil) {
        self.encodePrompt = encodePrompt
        self.themes = themes
        self.tracePath = tracePath
        self.modelIdentity = modelIdentity
        self.activations = activations
        self.loadConstraint = loadConstraint
        self.makeComparisonEngine = makeComparisonEngine
    }
}
