/// The prompt editor: the text with a visible cursor, the mode, and the editing keys.
public struct PromptEditorOverlay {
    public var editor: PromptEditor
    public var chatAvailable: Bool

    public init(editor: PromptEditor, chatAvailable: Bool) {
        self.editor = editor
        self.chatAvailable = chatAvailable
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let mode = editor.chat ? "chat message" : "raw text"
        let box = OverlayBox(title: "Prompt (\(mode)) — Ctrl-D apply · Esc cancel",
                             width: max(60, buffer.size.width * 3 / 4), height: max(10, buffer.size.height * 2 / 3))
        let area = box.draw(into: &buffer, theme: theme)
        guard area.height > 1, area.width > 2 else { return }
        let textArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        buffer.fill(textArea, style: theme[.input])
        // Keep the cursor's line in view.
        let top = max(0, editor.row - textArea.height + 1)
        for (offset, line) in editor.lines.dropFirst(top).prefix(textArea.height).enumerated() {
            let y = textArea.y + offset
            let text = Printable.text(String(line))
            let scroll = offset + top == editor.row ? max(0, CellWidth.of(String(line.prefix(editor.column))) - textArea.width + 1) : 0
            let visible = String(text.dropFirst(scroll))
            buffer.put(visible, x: textArea.x, y: y, style: theme[.input], clip: textArea)
            if offset + top == editor.row {
                let cursorX = textArea.x + CellWidth.of(Printable.text(String(line.prefix(editor.column)))) - scroll
                let under = editor.column < line.count ? Printable.text(String(line[editor.column])) : " "
                buffer.put(Character(under.isEmpty ? " " : under), x: min(cursorX, textArea.maxX - 1), y: y,
                           style: theme[.input].overlaid(by: theme[.cursor]), clip: textArea)
            }
        }
        let help = "Enter new line · Ctrl-T \(chatAvailable ? "chat/raw" : "(no chat template)") · Ctrl-U clear"
        buffer.put(help, x: area.x, y: area.maxY - 1, style: theme[.overlay].overlaid(by: Style(dim: true)), maxWidth: area.width)
    }
}
