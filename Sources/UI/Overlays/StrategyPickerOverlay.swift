import Decoding

/// The strategies with their number keys and descriptions; ↑↓ and Enter, or a digit. The
/// descriptions go when two lines per strategy do not fit, and the list scrolls to keep the
/// highlighted strategy (reversed and pointed at with ▸) in view.
public struct StrategyPickerOverlay {
    public var strategies: [StrategyDescriptor]
    public var selected: Int
    public var current: String
    public var title: String

    public init(strategies: [StrategyDescriptor], selected: Int, current: String, title: String = "Strategy — ↑↓ Enter or 1-9, Esc closes") {
        self.strategies = strategies
        self.selected = selected
        self.current = current
        self.title = title
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let room = buffer.size.height - 4
        let rowsPerStrategy = strategies.count * 2 <= room ? 2 : 1
        let box = OverlayBox(title: title, width: 84, height: strategies.count * rowsPerStrategy + 2)
        let area = box.draw(into: &buffer, theme: theme)
        let visible = max(1, area.height / rowsPerStrategy)
        let top = max(0, min(selected - visible / 2, strategies.count - visible))
        for (row, index) in strategies.indices.dropFirst(top).prefix(visible).enumerated() {
            let strategy = strategies[index]
            let y = area.y + row * rowsPerStrategy
            guard y < area.maxY else { break }
            let marker = strategy.name == current ? "●" : " "
            let key = index < 9 ? "\(index + 1)" : " "
            let lossless = strategy.lossless ? " · lossless" : ""
            var style = theme[.overlay]
            if index == selected { style = style.overlaid(by: theme[.cursor]) }
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            buffer.put("\(marker) \(key)  \(strategy.name)  (\(strategy.family.rawValue)\(lossless))", x: area.x, y: y, style: style,
                       maxWidth: area.width)
            if index == selected { OverlayBox.pointAt(row: y, of: area, into: &buffer, theme: theme) }
            if rowsPerStrategy == 2, y + 1 < area.maxY {
                buffer.put("      " + strategy.description, x: area.x, y: y + 1, style: theme[.overlay].overlaid(by: Style(dim: true)),
                           maxWidth: area.width)
            }
        }
        if top > 0 { buffer.put("↑", x: area.maxX, y: area.y, style: theme[.overlayKey]) }
        if top + visible < strategies.count { buffer.put("↓", x: area.maxX, y: area.maxY - 1, style: theme[.overlayKey]) }
    }
}
