/// One row of a series as block heights ▁..█, newest on the right, scaled between a floor
/// (default 0) and the series max (or a fixed ceiling). NaN is a gap: the step has no value.
/// Marked values are drawn in `markRole`, so events (a resampling) stand out on the series; the
/// highlighted one (the step the cursor selects) in the cursor's style, kept in view.
public struct Sparkline: Widget {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public var values: [Double]
    public var ceiling: Double?
    public var floor: Double
    public var role: ThemeRole
    /// Parallel to `values`; missing entries are unmarked.
    public var marks: [Bool]
    public var markRole: ThemeRole
    public var highlighted: Int?

    public init(values: [Double], ceiling: Double? = nil, floor: Double = 0, role: ThemeRole, marks: [Bool] = [], markRole: ThemeRole = .resampled,
                highlighted: Int? = nil) {
        self.values = values
        self.ceiling = ceiling
        self.floor = floor
        self.role = role
        self.marks = marks
        self.markRole = markRole
        self.highlighted = highlighted
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard area.width > 0, area.height > 0 else { return }
        let first = Sparkline.firstShown(count: values.count, width: area.width, keeping: highlighted)
        let shown = values[first...].prefix(area.width)
        let top = ceiling ?? max(shown.filter(\.isFinite).max() ?? 0, floor + .leastNonzeroMagnitude)
        let range = top - floor
        for (offset, value) in shown.enumerated() {
            let marked = marks.indices.contains(first + offset) && marks[first + offset]
            var style = theme[marked ? markRole : role]
            if first + offset == highlighted { style = style.overlaid(by: theme[.cursor]) }
            // A gap is blank, but still shows the highlight.
            guard !value.isNaN else {
                if first + offset == highlighted { buffer.put(" ", x: area.x + offset, y: area.y, style: style) }
                continue
            }
            let fraction = range > 0 ? min(1, max(0, (value - floor) / range)) : 1
            let level = Int((fraction * Double(Sparkline.levels.count - 1)).rounded())
            buffer.put(Sparkline.levels[level], x: area.x + offset, y: area.y, style: style)
        }
    }

    /// The first of `count` values shown in `width` columns: the newest fill the row, unless
    /// `keeping` is older than they reach; then it is shown in the middle of the row.
    static func firstShown(count: Int, width: Int, keeping index: Int?) -> Int {
        let newest = max(0, count - width)
        guard let index, index < newest else { return newest }
        return max(0, index - width / 2)
    }
}
