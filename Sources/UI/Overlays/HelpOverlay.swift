/// Every key binding, grouped by section, straight from the keymap that dispatches them.
public struct HelpOverlay {
    public var keymap: Keymap

    public init(keymap: Keymap) {
        self.keymap = keymap
    }

    /// The lines of the help text: section titles (nil key) and (keys, description) rows.
    public var lines: [(keys: String?, text: String)] {
        var lines: [(String?, String)] = []
        for section in KeyBinding.Section.allCases {
            let bindings = keymap.bindings.filter { $0.section == section }
            guard !bindings.isEmpty else { continue }
            lines.append((nil, section.rawValue))
            lines += bindings.map { ($0.label, $0.help) }
        }
        return lines
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let all = lines
        let keyWidth = (all.compactMap(\.keys).map(CellWidth.of).max() ?? 8) + 2
        let textWidth = all.map { CellWidth.of($0.text) }.max() ?? 20
        // Two columns when the screen is too short for one, each as wide as the screen allows.
        let available = buffer.size.height - 4
        let columns = all.count > available ? 2 : 1
        let perColumn = (all.count + columns - 1) / columns
        let columnWidth = min(keyWidth + textWidth + 2, (buffer.size.width - 4) / columns)
        let box = OverlayBox(title: "Keys — any key closes", width: columns * columnWidth + 4, height: perColumn + 3)
        let area = box.draw(into: &buffer, theme: theme)
        for (index, line) in all.enumerated() {
            let column = index / perColumn, row = index % perColumn
            let x = area.x + column * columnWidth, y = area.y + row
            guard y < area.maxY else { continue }
            let clip = Rect(x: x, y: y, width: min(columnWidth, area.maxX - x), height: 1)
            if let keys = line.keys {
                buffer.put(keys, x: x, y: y, style: theme[.overlayKey], clip: clip)
                buffer.put(line.text, x: x + keyWidth, y: y, style: theme[.overlay], clip: clip)
            } else {
                buffer.put(line.text, x: x, y: y, style: theme[.overlay].overlaid(by: Style(bold: true, underline: true)), clip: clip)
            }
        }
    }
}
