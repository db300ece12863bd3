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
    case writeTrace
    case loadTheme(offset: Int)
    case redraw
    case quit

    /// Whether the command starts the run over from the prompt.
    var replays: Bool {
        switch self {
        case .switchStrategy, .setParameter, .restart, .setSeed, .setPrompt: true
        case .togglePause, .step, .writeTrace, .loadTheme, .redraw, .quit: false
        }
    }
}
