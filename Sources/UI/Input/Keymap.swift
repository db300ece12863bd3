/// The one table of key bindings: dispatch, the help overlay and the footer all read it.
public struct Keymap: Sendable {
    public let bindings: [KeyBinding]
    private let index: [Key: Action]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var index: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where index[key] == nil {
                index[key] = binding.action(for: key)
            }
        }
        self.index = index
    }

    public func action(for key: Key) -> Action? { index[key] }

    /// Keys bound more than once (a table error the tests catch).
    public var duplicateKeys: [Key] {
        var seen: Set<Key> = []
        var duplicates: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted {
            duplicates.append(key)
        }
        return duplicates
    }

    public static let standard = Keymap(bindings: [
        KeyBinding([.character("?"), .function(1)], .help, label: "? F1", help: "this help", hint: "help", section: .general),
        KeyBinding(keys: [.character("q"), .control("c"), .function(10)], actions: [.quit, .interrupt, .quit],
                   label: "q Ctrl-C F10", help: "quit", hint: "quit", section: .general),
        KeyBinding([.control("l")], .redraw, help: "redraw the screen", section: .general),
        KeyBinding([.character("w")], .writeTrace, help: "save the trace (.jsonl)", hint: "save", section: .general),
        KeyBinding([.character(" "), .character("Z")], .togglePause, label: "Space Z", help: "pause / resume", hint: "pause", section: .run),
        KeyBinding([.character(".")], .step, help: "one step (pauses)", hint: "step", section: .run),
        KeyBinding([.character("r")], .restart, help: "restart, same seed", hint: "restart", section: .run),
        KeyBinding([.character("R")], .newSeed, help: "restart, new seed", section: .run),
        KeyBinding([.character("e")], .editPrompt, help: "edit the prompt", hint: "prompt", section: .run),
        KeyBinding([.character("c")], .constraint, help: "pick a constraint", section: .run),
        KeyBinding(
            keys: (1...9).map { .character(Character(String($0))) }, actions: (1...9).map { .pickStrategy($0) },
            label: "1-9", help: "pick a strategy", section: .strategy),
        KeyBinding([.character("s")], .nextStrategy, help: "next strategy", hint: "strategy", section: .strategy),
        KeyBinding([.character("S")], .previousStrategy, help: "previous strategy", section: .strategy),
        KeyBinding([.character("m")], .pickStrategyMenu, help: "strategy menu", section: .strategy),
        KeyBinding(keys: [.character("C"), .escape], actions: [.compare, .endComparison], label: "C Esc",
                   help: "compare (Esc leaves)", section: .strategy),
        KeyBinding(keys: [.character("t"), .character("T")], actions: [.temperature(up: false), .temperature(up: true)],
                   label: "t T", help: "temperature − / +", hint: "temp", section: .strategy),
        KeyBinding(keys: [.character("p"), .character("P")], actions: [.topP(up: false), .topP(up: true)],
                   label: "p P", help: "top-p − / +", section: .strategy),
        KeyBinding(keys: [.character("["), .character("]")], actions: [.topK(up: false), .topK(up: true)],
                   label: "[ ]", help: "top-k − / +", section: .strategy),
        KeyBinding([.character("o")], .nextOwnParameter, help: "next own parameter", section: .strategy),
        KeyBinding(keys: [.character("-"), .character("+"), .character("=")],
                   actions: [.ownParameter(up: false), .ownParameter(up: true), .ownParameter(up: true)],
                   label: "- +", help: "that parameter − / +", section: .strategy),
        KeyBinding([.character("l")], .nextLens, help: "lens: p / H / source", hint: "lens", section: .view),
        KeyBinding([.character("y")], .nextTheme, help: "next colour theme", section: .view),
        KeyBinding([.left, .character("h")], .cursorLeft, label: "← h", help: "previous token", section: .view),
        // `l` is the lens (DESIGN.md), so moving right has only the arrow.
        KeyBinding([.right], .cursorRight, help: "next token", section: .view),
        KeyBinding([.up, .character("k")], .cursorUp, label: "↑ k", help: "token above", section: .view),
        KeyBinding([.down, .character("j")], .cursorDown, label: "↓ j", help: "token below", section: .view),
        KeyBinding([.home, .character("g")], .cursorOldest, label: "Home g", help: "first token", section: .view),
        KeyBinding([.end, .character("G")], .cursorNewest, label: "End G", help: "newest, follow again", section: .view),
        KeyBinding([.tab], .focusNext, help: "focus next pane", section: .view),
        KeyBinding([.backTab], .focusPrevious, help: "focus previous pane", section: .view),
        KeyBinding([.enter, .character("z")], .zoom, label: "Enter z", help: "zoom focused pane", hint: "zoom", section: .view),
        KeyBinding([.character("i")], .tokenDetail, help: "token details", section: .view),
    ])
}
