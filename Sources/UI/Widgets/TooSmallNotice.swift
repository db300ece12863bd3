/// Shown instead of the screen when the terminal is below the minimum size; the app keeps
/// running and redraws normally once the terminal is enlarged.
public struct TooSmallNotice: Widget {
    public var size: Size

    public init(size: Size) {
        self.size = size
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let lines = lines(fitting: area)
        let top = max(0, (area.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < area.height {
            let x = max(0, (area.width - CellWidth.of(line)) / 2)
            buffer.put(line, x: area.x + x, y: area.y + top + row, style: theme[row == 0 ? .failure : .base], maxWidth: area.width)
        }
    }

    /// The first wording that fits whole: in full, with its last line wrapped, or short (which
    /// still fits 10×3). Only a smaller terminal sees the short one cut.
    private func lines(fitting area: Rect) -> [String] {
        let minimum = "\(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height)"
        let sizes = "\(size.width)×\(size.height), need \(minimum)"
        let short = ["too small", "need \(minimum)", "q quits"]
        let wordings = [
            ["terminal too small", sizes, "enlarge it, or q to quit"],
            ["terminal too small", sizes, "enlarge it,", "or q to quit"],
        ]
        return wordings.first { $0.count <= area.height && $0.allSatisfy { CellWidth.of($0) <= area.width } } ?? short
    }
}
