/// One terminal cell: a grapheme cluster and its style. A wide glyph occupies its cell and
/// the next, which holds a continuation (`symbol == ""`) that the blitter skips.
public struct Cell: Equatable, Sendable {
    public var symbol: String
    public var style: Style

    public init(symbol: String, style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    public static let blank = Cell(symbol: " ")

    public var isContinuation: Bool { symbol.isEmpty }
}
