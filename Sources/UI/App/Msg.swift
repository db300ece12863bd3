import Decoding
import Engine

/// Everything that can happen to the app; `App.update` handles each one.
public enum Msg: Sendable {
    case key(Key)
    case resize(Size)
    /// The frame clock ticked: time to expire notices and draw if anything changed.
    case frame
    case engine(EngineEvent)
    /// An event of the comparison run (compare mode, `C`).
    case comparisonEngine(EngineEvent)
    /// A command finished with something to say ("trace written to …", an error).
    case notice(String, isError: Bool)
    case themeLoaded(Theme)
    /// The engine took the constraint (nil: none), and switched to `strategy` if one was
    /// waiting; `warnings` are what the constraint deserves a warning for (`ConstraintSpec.warnings()`).
    case constraintLoaded(ConstraintSpec?, strategy: String?, warnings: [String] = [])
    /// The engine refused a change the keys asked for; this is the configuration it runs.
    case configurationRefused(RunConfiguration)
    /// The engine measured the verify cost the cost panel needs (`AppCommand.measureVerifyCost`).
    case verifyCostMeasured(VerifyCost)
    case verifyCostFailed(String)
    /// SIGINT (Ctrl-C), SIGTERM or SIGHUP arrived.
    case terminationRequested(signal: Int32)
    /// The input loop found it had not run for this many seconds: the process was stopped.
    case resumedAfterStop(seconds: Double)
}
