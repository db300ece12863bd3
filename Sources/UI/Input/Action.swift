/// What a key binding does in the main view.
public enum Action: Hashable, Sendable {
    case help, quit, togglePause, step
    /// Ctrl-C read as a key (a terminal that does not make it SIGINT): quits as SIGINT does.
    case interrupt
    case pickStrategy(Int)
    case nextStrategy, previousStrategy
    case restart, newSeed
    case editPrompt, constraint, pickStrategyMenu
    case compare, endComparison
    case nextLens, nextTheme
    case temperature(up: Bool), topP(up: Bool), topK(up: Bool)
    /// The strategy's own parameters (`StrategyDescriptor.ownParameters`): pick one, move it.
    case nextOwnParameter, ownParameter(up: Bool)
    case cursorLeft, cursorRight, cursorUp, cursorDown, cursorOldest, cursorNewest
    case focusNext, focusPrevious, zoom, tokenDetail
    case writeTrace, redraw

    /// Whether the action ends the session (works everywhere, overlays included).
    public var quits: Bool { self == .quit || self == .interrupt }
}
