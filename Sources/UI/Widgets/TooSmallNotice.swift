/// Shown instead of the screen when the terminal is below the minimum size; the app keeps
/// running and redraws normally once the terminal is enlarged.
public struct TooSmallNotice: Widget {
    public var size: Size
    /// Text is being typed (the prompt editor is open): it waits for the terminal to grow back,
    /// and `q` is a letter there, so the notice names Ctrl-C as the way out.
    public var editing: Bool

    public init(size: Size, editing: Bool = false) {
        self.size = size
        self.editing = editing
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
        let enlarge = editing ? "enlarge it to go on editing," : "enlarge it,"
        let quit = editing ? "Ctrl-C" : "q"
        let short = ["too small", "need \(minimum)", "\(editing ? "^C" : "q") quits"]
        let wordings = [
            ["terminal too small", sizes, "\(enlarge) or \(quit) to quit"],
            ["terminal too small", sizes, enlarge, "or \(quit) to quit"],
        ]
        return wordings.first { $0.count <= area.height && $0.allSatisfy { CellWidth.of($0) <= area.width } } ?? short
    }
}
