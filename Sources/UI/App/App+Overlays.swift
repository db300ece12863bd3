extension App {
    static func handle(_ key: Key, overlay: Overlay, in state: inout AppState) -> [AppCommand] {
        switch overlay {
        case .help, .tokenDetail:
            // Any key closes; quit still quits.
            state.overlay = nil
            if keymap.action(for: key) == .quit { return perform(.quit, in: &state) }
            return []
        case .strategyPicker(let selected):
            return pickerKey(key, selected: selected, in: &state)
        case .promptEditor(var editor):
            let commands = editorKey(key, editor: &editor, in: &state)
            if case .promptEditor = state.overlay { state.overlay = .promptEditor(editor) }
            return commands
        }
    }

    private static func pickerKey(_ key: Key, selected: Int, in state: inout AppState) -> [AppCommand] {
        let count = state.strategies.count
        switch key {
        case .up, .character("k"):
            state.overlay = .strategyPicker(selected: max(0, selected - 1))
        case .down, .character("j"):
            state.overlay = .strategyPicker(selected: min(max(0, count - 1), selected + 1))
        case .enter:
            state.overlay = nil
            return pickStrategy(selected, in: &state)
        case .character(let c) where c.wholeNumberValue.map { (1...9).contains($0) } == true:
            state.overlay = nil
            return pickStrategy((c.wholeNumberValue ?? 1) - 1, in: &state)
        case .control("c"), .character("q"):
            return perform(.quit, in: &state)
        default:
            state.overlay = nil
        }
        return []
    }

    /// Enter inserts a line break; Ctrl-D applies, Esc cancels, Ctrl-T toggles chat mode,
    /// Ctrl-U clears. Printable keys (including `q`) are text here.
    private static func editorKey(_ key: Key, editor: inout PromptEditor, in state: inout AppState) -> [AppCommand] {
        switch key {
        case .escape:
            state.overlay = nil
        case .control("d"):
            let text = editor.text
            guard !text.allSatisfy(\.isWhitespace) else {
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
        case .control("c"): return perform(.quit, in: &state)
        case .enter: editor.insert("\n")
        case .tab: editor.insert(" ")
        case .backspace: editor.backspace()
        case .delete: editor.deleteForward()
        case .left, .right, .up, .down, .home, .end: editor.move(key)
        case .character(let c): editor.insert(c)
        default: break
        }
        return []
    }
}
