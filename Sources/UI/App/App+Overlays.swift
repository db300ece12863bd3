extension App {
    static func handle(_ key: Key, overlay: Overlay, in state: inout AppState) -> [AppCommand] {
        switch overlay {
        case .help, .tokenDetail:
            // Any key closes; quit still quits.
            state.overlay = nil
            if let quit = quitAction(for: key) { return perform(quit, in: &state) }
            return []
        case .strategyPicker(let selected):
            return pickerKey(key, selected: selected, reopen: Overlay.strategyPicker, choose: pickStrategy, in: &state)
        case .comparisonPicker(let selected):
            return pickerKey(key, selected: selected, reopen: Overlay.comparisonPicker, choose: startComparison, in: &state)
        case .constraintPicker(var picker):
            let commands = picker.typed == nil ? constraintListKey(key, picker: &picker, in: &state) : constraintPathKey(key, picker: &picker, in: &state)
            if case .constraintPicker = state.overlay { state.overlay = .constraintPicker(picker) }
            return commands
        case .promptEditor(var editor):
            let commands = editorKey(key, editor: &editor, in: &state)
            if case .promptEditor = state.overlay { state.overlay = .promptEditor(editor) }
            return commands
        }
    }

    /// The keymap's quit keys (q, Ctrl-C, F10), for overlays where nothing is typed.
    private static func quitAction(for key: Key) -> Action? {
        keymap.action(for: key).flatMap { $0.quits ? $0 : nil }
    }

    /// The strategy list: `reopen` redraws it with a new highlight, `choose` acts on the pick.
    /// Esc closes it; other keys do nothing, rather than closing it and leaving the keys after
    /// them to act on the main view.
    private static func pickerKey(
        _ key: Key, selected: Int, reopen: (Int) -> Overlay, choose: (Int, inout AppState) -> [AppCommand], in state: inout AppState
    ) -> [AppCommand] {
        if let quit = quitAction(for: key) { return perform(quit, in: &state) }
        let last = max(0, state.strategies.count - 1)
        switch key {
        case .up, .character("k"):
            state.overlay = reopen(max(0, selected - 1))
        case .down, .character("j"):
            state.overlay = reopen(min(last, selected + 1))
        case .home:
            state.overlay = reopen(0)
        case .end:
            state.overlay = reopen(last)
        case .enter:
            state.overlay = nil
            return choose(selected, &state)
        case .character(let c) where c.wholeNumberValue.map { (1...9).contains($0) } == true:
            state.overlay = nil
            return choose((c.wholeNumberValue ?? 1) - 1, &state)
        case .escape:
            state.overlay = nil
        default:
            break
        }
        return []
    }

    /// ↑↓ (Ctrl-P Ctrl-N) move, Enter chooses, Esc closes; any printable key starts typing a
    /// path or `/regex/` with that character (`q`, `j` and `k` included: paths like
    /// `queries.gbnf` or `json.gbnf` must neither quit nor move the highlight).
    private static func constraintListKey(_ key: Key, picker: inout ConstraintPicker, in state: inout AppState) -> [AppCommand] {
        switch key {
        case .up, .control("p"): picker.move(by: -1)
        case .down, .control("n"): picker.move(by: 1)
        case .pageUp: picker.move(by: -10)
        case .pageDown: picker.move(by: 10)
        case .character(let c) where !c.isWhitespace: picker.typed = String(c)
        case .control("c"): return perform(.interrupt, in: &state)
        case .escape: state.overlay = nil
        case .enter:
            switch picker.choice {
            case .file(let path):
                // The picker stays open until the constraint is in force: a file that fails to
                // load leaves it open, and the next keys still go to it.
                show("loading \(path)…", in: &state)
                return [.loadConstraint(path, thenStrategy: picker.thenStrategy)]
            case .typePath:
                picker.typed = ""
            case .none:
                state.overlay = nil
                if let strategy = state.strategy, strategy.needsConstraint {
                    show("\(strategy.name) needs a constraint: switch to another strategy first", isError: true, in: &state)
                    return []
                }
                return [.setConstraint(nil, thenStrategy: nil)]
            }
        default: break
        }
        return []
    }

    /// Typing a path or `/regex/`: Enter loads it, Esc goes back to the list, Ctrl-U clears.
    private static func constraintPathKey(_ key: Key, picker: inout ConstraintPicker, in state: inout AppState) -> [AppCommand] {
        var typed = picker.typed ?? ""
        switch key {
        case .escape: picker.typed = nil
        case .control("c"): return perform(.interrupt, in: &state)
        case .control("u"): picker.typed = ""
        case .backspace:
            if !typed.isEmpty { typed.removeLast() }
            picker.typed = typed
        case .tab: break
        case .enter:
            let trimmed = typed.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return [] }
            // "//" names the root directory too, but meant as a regex it has no pattern.
            if trimmed == "//" {
                show("empty regex: type a pattern between the slashes, /yes|no/", isError: true, in: &state)
                return []
            }
            show("loading \(typed)…", in: &state)
            return [.loadConstraint(typed, thenStrategy: picker.thenStrategy)]
        case .character(let c):
            typed.append(c)
            picker.typed = typed
        default: break
        }
        return []
    }

    /// Enter inserts a line break; Ctrl-D applies, Esc cancels, Ctrl-T toggles chat mode,
    /// Ctrl-U clears. Printable keys (including `q`) are text here.
    private static func editorKey(_ key: Key, editor: inout PromptEditor, in state: inout AppState) -> [AppCommand] {
        editor.problem = nil
        switch key {
        case .escape:
            state.overlay = nil
        case .control("d"):
            let text = editor.text
            // Said in the editor too: the footer's notice is far from it, and goes.
            guard !text.allSatisfy(\.isWhitespace) else {
                editor.problem = "the prompt is empty: type one, or Esc keeps the old one"
                show("the prompt is empty", isError: true, in: &state)
                return []
            }
            state.overlay = nil
            state.promptText = text
            state.chat = editor.chat
            show("new prompt — decoding from the start", in: &state)
            return [.setPrompt(text, chat: editor.chat)]
        case .control("t"):
            if state.chatAvailable { editor.chat.toggle() } else { show("this model has no chat template", in: &state) }
        case .control("u"): editor.clear()
        case .control("c"): return perform(.interrupt, in: &state)
        case .enter: editor.insert("\n")
        case .tab: editor.insert(" ")
        case .backspace: editor.backspace()
        case .delete: editor.deleteForward()
        case .left, .right, .up, .down, .home, .end: editor.move(key, rowWidth: PromptEditorOverlay.rowWidth(in: state.size))
        case .character(let c): editor.insert(c)
        default: break
        }
        return []
    }
}
