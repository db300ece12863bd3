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
        let area = PromptEditorOverlay.box(title: "Prompt (\(mode)) — Ctrl-D apply · Esc cancel", size: buffer.size).draw(into: &buffer, theme: theme)
        guard area.height > 1, area.width > 2 else { return }
        let textArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        buffer.fill(textArea, style: theme[.input])
        let layout = PromptLayout(lines: editor.lines, width: textArea.width)
        let cursorRow = layout.row(line: editor.row, column: editor.column)
        // Keep the cursor's row in view.
        let top = max(0, cursorRow - textArea.height + 1)
        for row in layout.rows.indices.dropFirst(top).prefix(textArea.height) {
            buffer.put(layout.text(of: row), x: textArea.x, y: textArea.y + row - top, style: theme[.input], clip: textArea)
        }
        let line = editor.lines[editor.row]
        let under = editor.column < line.count ? Printable.text(String(line[editor.column])) : " "
        buffer.put(Character(under.isEmpty ? " " : under), x: min(textArea.x + layout.x(of: editor.column, in: cursorRow), textArea.maxX - 1),
                   y: textArea.y + cursorRow - top, style: theme[.input].overlaid(by: theme[.cursor]), clip: textArea)
        if let problem = editor.problem {
            buffer.put(problem, x: area.x, y: area.maxY - 1, style: theme[.overlay].overlaid(by: theme[.failure]), maxWidth: area.width)
        } else {
            let help = "Enter new line · Ctrl-T \(chatAvailable ? "chat/raw" : "(no chat template)") · Ctrl-U clear"
            buffer.put(help, x: area.x, y: area.maxY - 1, style: theme[.overlay].overlaid(by: Style(dim: true)), maxWidth: area.width)
        }
    }

    /// How wide the text's rows are on a screen of `size`, for moving the cursor by row.
    public static func rowWidth(in size: Size) -> Int {
        max(1, box(title: "", size: size).area(in: size).width - 4)
    }

    private static func box(title: String, size: Size) -> OverlayBox {
        OverlayBox(title: title, width: max(60, size.width * 3 / 4), height: max(10, size.height * 2 / 3))
    }
}
