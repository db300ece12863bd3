/// Shown instead of the screen when the terminal is below the minimum size; the app keeps
/// running and redraws normally once the terminal is enlarged.
public struct TooSmallNotice: Widget {
    public var size: Size

    public init(size: Size) {
        self.size = size
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let minimum = ScreenLayout.minimum
        let lines = [
            "terminal too small",
            "\(size.width)×\(size.height), need \(minimum.width)×\(minimum.height)",
            "enlarge it, or q to quit",
        ]
        let top = max(0, (area.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < area.height {
            let x = max(0, (area.width - CellWidth.of(line)) / 2)
            buffer.put(line, x: area.x + x, y: area.y + top + row, style: theme[row == 0 ? .failure : .base], maxWidth: area.width)
        }
    }
}
