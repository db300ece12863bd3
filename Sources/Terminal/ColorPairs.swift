import CNcursesw
import UI

/// Allocates ncurses colour pairs lazily, one per distinct (foreground, background) after
/// degrading the colours to what the terminal shows.
struct ColorPairs {
    let depth: ColorDepth
    private let limit: Int
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(depth: ColorDepth, limit: Int) {
        self.depth = depth
        self.limit = min(limit, Int(Int16.max))
    }

    /// The pair for a style's colours; 0 (the terminal default) when colours are off or the
    /// pairs ran out.
    mutating func pair(for style: Style) -> Int16 {
        guard let foreground = depth.number(for: style.foreground), let background = depth.number(for: style.background) else { return 0 }
        if foreground == -1 && background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        let number = pairs.count + 1
        guard number < limit, init_pair(Int16(number), Int16(foreground), Int16(background)) != ERR else { return 0 }
        pairs[key] = Int16(number)
        return Int16(number)
    }

    /// Attributes for a style; on a colourless terminal a coloured background becomes reverse
    /// video so highlighted cells stay visible.
    func attributes(for style: Style) -> attr_t {
        var attributes = cn_A_NORMAL
        if style.bold { attributes |= cn_A_BOLD }
        if style.dim { attributes |= cn_A_DIM }
        if style.underline { attributes |= cn_A_UNDERLINE }
        if style.italic { attributes |= cn_A_ITALIC }
        let reverse = style.reverse != (depth == .monochrome && style.background != .terminalDefault)
        if reverse { attributes |= cn_A_REVERSE }
        return attributes
    }
}
