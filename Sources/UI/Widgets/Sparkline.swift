/// One row of a series as block heights ▁..█, newest on the right, scaled to the series max
/// (or a fixed ceiling).
public struct Sparkline: Widget {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public var values: [Double]
    public var ceiling: Double?
    public var role: ThemeRole

    public init(values: [Double], ceiling: Double? = nil, role: ThemeRole) {
        self.values = values
        self.ceiling = ceiling
        self.role = role
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard area.width > 0, area.height > 0 else { return }
        let shown = values.suffix(area.width)
        let top = ceiling ?? max(shown.filter(\.isFinite).max() ?? 0, .leastNonzeroMagnitude)
        let style = theme[role]
        for (offset, value) in shown.enumerated() {
            let fraction = value.isFinite ? min(1, max(0, value / top)) : 0
            let level = Int((fraction * Double(Sparkline.levels.count - 1)).rounded())
            buffer.put(Sparkline.levels[level], x: area.x + offset, y: area.y, style: style)
        }
    }
}
