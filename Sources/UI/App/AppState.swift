import Decoding
import Engine
import Inference

/// Everything the screen shows, and nothing else: `App.update` changes it, `App.render` draws it.
public struct AppState: Sendable {
    // What is being decoded.
    public var modelName: String
    public var vocabulary: any Vocabulary
    public var strategies: [StrategyDescriptor]
    public var configuration: RunConfiguration
    /// The prompt as the user wrote it (the configuration holds its tokens).
    public var promptText: String
    public var chat: Bool
    /// Whether the model has a chat template, so chat mode can be offered.
    public var chatAvailable: Bool
    /// The model's layer count, which bounds the parameters that count layers (`exit-layer`);
    /// nil leaves them their own ranges.
    public var modelLayerCount: Int?
    /// Constraint files the picker offers (`c`), as paths to show and load.
    public var constraintFiles: [String] = []
    /// Where the `samples/` folders of those files were looked for ("/tmp/x, /usr/bin or a
    /// folder above it"): when none was found, the picker says so.
    public var constraintSearch: String?

    // What the run produced.
    public var status: RunStatus = .starting
    public var steps: [StepTrace] = []
    public var tokens: [TokenEntry] = []
    public var stats = EngineStats()
    /// The second strategy's run while comparing side by side (`C`); nil otherwise.
    public var comparison: ComparisonRun?
    /// The model's verify cost T(n) for the speculation cost panel, measured after start-up.
    public var verifyCost = VerifyCostStatus.notMeasured

    // How it is viewed.
    public var size: Size
    public var theme: Theme
    public var lens: Lens = .probability
    /// The selected token; nil follows the newest one.
    public var cursor: Int?
    /// Which of the strategy's own parameters `-`/`+` move (`o` picks the next).
    public var ownParameterCursor = 0
    public var focus: Pane = .text
    public var zoomed = false
    public var overlay: Overlay?
    public var notice: Notice?
    public var frame = 0
    /// True once anything visible changed since the last drawn frame.
    public var dirty = true
    public var quitting = false
    /// The signal that ended the session (SIGINT for Ctrl-C); nil when the user quit.
    public var terminationSignal: Int32?

    public init(
        modelName: String, vocabulary: any Vocabulary, strategies: [StrategyDescriptor], configuration: RunConfiguration,
        promptText: String, chat: Bool, chatAvailable: Bool, size: Size, theme: Theme
    ) {
        self.modelName = modelName
        self.vocabulary = vocabulary
        self.strategies = strategies
        self.configuration = configuration
        self.promptText = promptText
        self.chat = chat
        self.chatAvailable = chatAvailable
        self.size = size
        self.theme = theme
    }

    public var strategyIndex: Int? {
        strategies.firstIndex { $0.name == configuration.strategy }
    }

    public var strategy: StrategyDescriptor? {
        strategyIndex.map { strategies[$0] }
    }

    /// The token whose step the inspector shows: the cursor's, or the newest committed one.
    public var selectedToken: Int? {
        cursor ?? (tokens.isEmpty ? nil : tokens.count - 1)
    }

    /// The token's place in the generated text, from 1 (rejected drafts, which are listed with
    /// the text's tokens, do not count); nil for a rejected draft, which is not part of it.
    public func textPosition(ofToken index: Int) -> Int? {
        guard tokens.indices.contains(index), !tokens[index].isRejectedDraft else { return nil }
        return tokens[..<index].count { !$0.isRejectedDraft } + 1
    }

    /// The step the inspector explains.
    public var selectedStep: StepTrace? {
        guard let token = selectedToken, tokens.indices.contains(token) else { return steps.last }
        let index = tokens[token].step
        return steps.indices.contains(index) ? steps[index] : steps.last
    }
}
