/// Colours and attributes of a cell.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var italic: Bool

    public init(
        foreground: Color = .terminalDefault, background: Color = .terminalDefault,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false, italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.italic = italic
    }

    public static let plain = Style()

    /// This style with another style's non-default parts laid on top (a highlight over a base).
    public func overlaid(by top: Style) -> Style {
        var result = self
        if top.foreground != .terminalDefault { result.foreground = top.foreground }
        if top.background != .terminalDefault { result.background = top.background }
        result.bold = bold || top.bold
        result.dim = dim || top.dim
        result.reverse = reverse != top.reverse
        result.underline = underline || top.underline
        result.italic = italic || top.italic
        return result
    }
}
