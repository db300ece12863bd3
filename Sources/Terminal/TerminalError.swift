/// Why the terminal could not be taken over.
public enum TerminalError: Error, CustomStringConvertible, Sendable {
    case notATerminal
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .notATerminal: "standard input and output must be a terminal for the TUI (use `decodelab generate` for headless output)"
        case .cannotOpen(let term): "ncurses cannot open terminal type '\(term)'"
        }
    }
}
