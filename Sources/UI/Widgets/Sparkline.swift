/// One row of a series as block heights ▁..█, newest on the right, scaled between a floor
/// (default 0) and the series max (or a fixed ceiling). NaN is a gap: the step has no value.
/// Marked values are drawn in `markRole`, so events (a resampling) stand out on the series.
public struct Sparkline: Widget {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public var values: [Double]
    public var ceiling: Double?
    public var floor: Double
    public var role: ThemeRole
    /// Parallel to `values`; missing entries are unmarked.
    public var marks: [Bool]
    public var markRole: ThemeRole

    public init(values: [Double], ceiling: Double? = nil, floor: Double = 0, role: ThemeRole, marks: [Bool] = [], markRole: ThemeRole = .resampled) {
        self.values = values
        self.ceiling = ceiling
        self.floor = floor
        self.role = role
        self.marks = marks
        self.markRole = markRole
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard area.width > 0, area.height > 0 else { return }
        let first = max(0, values.count - area.width)
        let shown = values[first...]
        let top = ceiling ?? max(shown.filter(\.isFinite).max() ?? 0, floor + .leastNonzeroMagnitude)
        let range = top - floor
        for (offset, value) in shown.enumerated() where !value.isNaN {
            let fraction = range > 0 ? min(1, max(0, (value - floor) / range)) : 1
            let level = Int((fraction * Double(Sparkline.levels.count - 1)).rounded())
            let marked = marks.indices.contains(first + offset) && marks[first + offset]
            buffer.put(Sparkline.levels[level], x: area.x + offset, y: area.y, style: theme[marked ? markRole : role])
        }
    }
}
