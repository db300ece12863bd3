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

    /// Writes one line of text (clipped to the width) and moves down; false when full.
    @discardableResult
    mutating func line(_ text: String, style: Style, into buffer: inout ScreenBuffer) -> Bool {
        guard remaining > 0 else { return false }
        buffer.put(text, x: area.x, y: y, style: style, maxWidth: area.width, clip: area)
        row += 1
        return true
    }

    /// Claims the next row for custom drawing; nil when full.
    mutating func next() -> Int? {
        guard remaining > 0 else { return nil }
        defer { row += 1 }
        return y
    }
}
