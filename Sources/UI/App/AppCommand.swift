import Decoding
import Engine

/// Side effects `App.update` asks for; the runner carries them out (mostly Engine commands)
/// and reports back with `Msg`s.
public enum AppCommand: Equatable, Sendable {
    case togglePause
    case step
    case switchStrategy(String)
    case setParameter(String, Double)
    case restart
    case setSeed(UInt64)
    /// Tokenize (as a chat message when `chat`) and restart from this prompt.
    case setPrompt(String, chat: Bool)
    /// Read and check a constraint (a file path or a typed `/regex/`); when it compiles, set
    /// it, then switch to `thenStrategy` if one waits for it.
    case loadConstraint(String, thenStrategy: String?)
    /// `warnings` go with it to the notice that says it is in force.
    case setConstraint(ConstraintSpec?, thenStrategy: String?, warnings: [String] = [])
    /// Start a second run beside the first with this configuration (compare mode).
    case startComparison(RunConfiguration)
    case stopComparison
    case writeTrace
    /// Time the model's T(n) curve between two steps; answered by `Msg.verifyCostMeasured`.
    case measureVerifyCost
    case loadTheme(offset: Int)
    /// The process was stopped this long (Ctrl-Z): the engine's rate leaves it out.
    case excludeStoppedTime(Double)
    case redraw
    case quit

    /// What the command sets to an absolute value the keys computed, when a later command of
    /// the same kind makes it pointless: nil for commands that must each run.
    var settingKind: String? {
        switch self {
        case .setParameter(let name, _): "parameter \(name)"
        case .setSeed: "seed"
        case .switchStrategy: "strategy"
        default: nil
        }
    }

    /// Whether the command starts the run over from the prompt.
    var replays: Bool {
        switch self {
        case .switchStrategy, .setParameter, .restart, .setSeed, .setPrompt, .setConstraint: true
        case .togglePause, .step, .loadConstraint, .startComparison, .stopComparison, .writeTrace, .measureVerifyCost, .loadTheme,
             .excludeStoppedTime, .redraw,
             .quit: false
        }
    }
}
