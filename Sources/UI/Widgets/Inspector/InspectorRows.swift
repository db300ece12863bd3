/// A cursor over the rows of an area, so inspector views can stack lines without each one
/// tracking positions and running off the bottom.
struct InspectorRows {
    let area: Rect
    private(set) var row = 0

    init(area: Rect) {
        self.area = area
    }

    var remaining: Int { max(0, area.height - row) }
    var y: Int { area.y + row }

    /// Writes a line of text and moves down; false when full. A line too wide for the area
    /// continues on the next rows (indented by two), broken after its " · " separators, else
    /// at double spaces, else at spaces, so no number at its end is cut; only a single word
    /// wider than a row is clipped.
    @discardableResult
    mutating func line(_ text: String, style: Style, into buffer: inout ScreenBuffer) -> Bool {
        for piece in Self.wrapped(text, width: area.width) {
            guard remaining > 0 else { return false }
            buffer.put(piece, x: area.x, y: y, style: style, maxWidth: area.width, clip: area)
            row += 1
        }
        return true
    }

    /// `text` as rows of at most `width` cells where its separators allow.
    static func wrapped(_ text: String, width: Int) -> [String] {
        wrapped(text, width: width, separators: [" · ", "  ", " "])
    }

    private static func wrapped(_ text: String, width: Int, separators: ArraySlice<String>) -> [String] {
        guard CellWidth.of(text) > width else { return [text] }
        guard let separator = separators.first(where: { text.contains($0) }),
              let rest = separators.firstIndex(of: separator).map({ separators[($0 + 1)...] }) else { return [text] }
        let parts = text.components(separatedBy: separator)
        var rows: [String] = []
        var current = parts[0]
        for part in parts.dropFirst() {
            let joined = current + separator + part
            if CellWidth.of(joined) <= width || current.allSatisfy(\.isWhitespace) {
                current = joined
            } else {
                rows.append(current)
                current = "  " + part
            }
        }
        rows.append(current)
        // A row still too wide breaks at the next kind of separator.
        return rows.flatMap { wrapped($0, width: width, separators: rest) }
    }

    /// Claims the next row for custom drawing; nil when full.
    mutating func next() -> Int? {
        guard remaining > 0 else { return nil }
        defer { row += 1 }
        return y
    }
}
