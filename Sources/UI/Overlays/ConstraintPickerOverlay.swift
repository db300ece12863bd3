import Decoding

/// The constraint picker: sample grammars, schemas and regexes found on disk, "type a file
/// path or /regex/…" and "none"; the current constraint is marked ●. While typing, the path is
/// edited on the last line.
public struct ConstraintPickerOverlay {
    public var picker: ConstraintPicker
    public var current: ConstraintSpec?

    public init(picker: ConstraintPicker, current: ConstraintSpec?) {
        self.picker = picker
        self.current = current
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let heading = picker.thenStrategy.map { ["\($0) needs a constraint: pick one"] } ?? []
        let hint = picker.hint
        let labels = picker.choices.map(label)
        let widest = (labels + heading + hint).map(CellWidth.of).max() ?? 0
        let title = picker.typed == nil ? "Constraint — ↑↓ Enter, Esc closes" : "Constraint — type, Enter loads, Esc back"
        let box = OverlayBox(title: title, width: max(CellWidth.of(title) + 8, min(90, widest + 8)),
                             height: labels.count + heading.count + hint.count + (picker.typed == nil ? 2 : 4))
        let area = box.draw(into: &buffer, theme: theme)
        guard area.height > 0 else { return }
        var y = area.y
        for (line, style) in heading.map({ ($0, theme[.overlayKey]) }) + hint.map({ ($0, theme[.overlay].overlaid(by: Style(dim: true))) }) {
            buffer.put(Format.padMarkingCut(line, area.width), x: area.x, y: y, style: style, maxWidth: area.width)
            y += 1
        }
        let inputRows = picker.typed == nil ? 0 : 2
        let listHeight = max(0, area.maxY - y - inputRows)
        // Scroll the list to keep the highlighted row in view.
        let top = max(0, min(picker.selected - listHeight / 2, labels.count - listHeight))
        for (offset, text) in labels.enumerated().dropFirst(top).prefix(listHeight) {
            var style = theme[.overlay]
            if offset == picker.selected { style = style.overlaid(by: theme[.cursor]) }
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            buffer.put(text, x: area.x, y: y, style: style, maxWidth: area.width)
            if offset == picker.selected { OverlayBox.pointAt(row: y, of: area, into: &buffer, theme: theme) }
            y += 1
        }
        if let typed = picker.typed {
            let prompt = "path or /regex/: "
            let field = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
            buffer.fill(field, style: theme[.input])
            let room = max(1, area.width - CellWidth.of(prompt) - 1)
            let shown = Format.keepingEnd(Printable.text(typed), width: room)
            let x = area.x + buffer.put(prompt + shown, x: area.x, y: field.y, style: theme[.input], clip: field)
            buffer.put(" ", x: min(x, field.maxX - 1), y: field.y, style: theme[.input].overlaid(by: theme[.cursor]), clip: field)
        }
    }

    private func label(_ choice: ConstraintPicker.Choice) -> String {
        switch choice {
        case .file(let path):
            let kind = ConstraintSpec.Kind.forFile(path)?.rawValue ?? "?"
            return "\(current?.origin == path ? "●" : " ") \(path)  (\(kind))"
        case .typePath: return "  type a file path or /regex/…"
        case .none: return "\(current == nil ? "●" : " ") none (unconstrained)"
        }
    }
}
