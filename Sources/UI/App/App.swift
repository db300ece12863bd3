/// The Elm-style core of the TUI: `update` turns a message into a new state plus commands,
/// `render` draws a state. Both are pure, so tests drive them without a terminal.
public enum App {
    public static let framesPerSecond = 30
    public static let keymap = Keymap.standard
}
