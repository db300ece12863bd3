import Decoding

/// The strategies with their number keys and descriptions; ↑↓ and Enter, or a digit.
public struct StrategyPickerOverlay {
    public var strategies: [StrategyDescriptor]
    public var selected: Int
    public var current: String

    public init(strategies: [StrategyDescriptor], selected: Int, current: String) {
        self.strategies = strategies
        self.selected = selected
        self.current = current
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let box = OverlayBox(title: "Strategy — ↑↓ Enter or 1-9, Esc closes", width: 84, height: strategies.count * 2 + 3)
        let area = box.draw(into: &buffer, theme: theme)
        for (index, strategy) in strategies.enumerated() {
            let y = area.y + index * 2
            guard y + 1 < area.maxY else { break }
            let marker = strategy.name == current ? "●" : " "
            let key = index < 9 ? "\(index + 1)" : " "
            let lossless = strategy.lossless ? " · lossless" : ""
            var style = theme[.overlay]
            if index == selected { style = style.overlaid(by: theme[.cursor]) }
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            buffer.put("\(marker) \(key)  \(strategy.name)  (\(strategy.family.rawValue)\(lossless))", x: area.x, y: y, style: style,
                       maxWidth: area.width)
            buffer.put("      " + strategy.description, x: area.x, y: y + 1, style: theme[.overlay].overlaid(by: Style(dim: true)),
                       maxWidth: area.width)
        }
    }
}
