/// A frame of cells: widgets draw into it, the terminal diffs it against the previous frame
/// and writes only the cells that changed.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public subscript(x x: Int, y y: Int) -> Cell {
        cells[y * size.width + x]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes one grapheme at (x, y) as the terminal will draw it (`ClusterStandIn`: a flag
    /// becomes two letters, an emoji sequence its first emoji); a wide glyph also claims the
    /// next cell. Writing over either half of an existing wide glyph blanks its other half, so
    /// no half-glyph survives. Returns the number of cells used (0 when it does not fit).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = clip ?? size.bounds
        let width = CellWidth.of(character)
        guard width > 0, contains(x: x, y: y), x >= area.x, y >= area.y, y < area.maxY, x + width <= area.maxX,
              x + width <= size.width else { return 0 }
        var cellX = x
        for piece in ClusterStandIn.drawn(character) {
            cellX += place(piece, x: cellX, y: y, style: style)
        }
        return width
    }

    /// Stores a cluster that is its own stand-in, and a continuation after a wide one.
    private mutating func place(_ piece: Character, x: Int, y: Int, style: Style) -> Int {
        let width = CellWidth.of(piece)
        guard width > 0 else { return 0 }
        release(x: x, y: y)
        if width == 2 { release(x: x + 1, y: y) }
        cells[y * size.width + x] = Cell(symbol: String(piece), style: style)
        if width == 2 { cells[y * size.width + x + 1] = Cell(symbol: "", style: style) }
        return width
    }

    /// Writes text from (x, y) without wrapping, within `maxWidth` cells and the clip edge;
    /// returns the cells used. Text that does not fit ends in "…" at the edge: a cut line must
    /// say so, and a number cut short ("0.37" of 0.378) must not read as another number.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int = .max, clip: Rect? = nil) -> Int {
        let area = clip ?? size.bounds
        let room = min(maxWidth, min(area.maxX, size.width) - x)
        guard room > 0 else { return 0 }
        let isCut = CellWidth.of(text) > room
        let limit = isCut ? room - 1 : room
        var used = 0
        for character in text {
            let width = CellWidth.of(character)
            if used + width > limit { break }
            let written = put(character, x: x + used, y: y, style: style, clip: clip)
            if written == 0 && width > 0 { break }
            used += written
        }
        if isCut { used += put("…", x: x + used, y: y, style: style, clip: clip) }
        return used
    }

    /// Sets every cell of `rect` to a blank in `style`.
    public mutating func fill(_ rect: Rect, style: Style, symbol: Character = " ") {
        let area = intersect(rect)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            release(x: area.x, y: y)
            release(x: area.maxX - 1, y: y)
            for x in area.x..<area.maxX {
                cells[y * size.width + x] = Cell(symbol: String(symbol), style: style)
            }
        }
    }

    /// The text of row `y`, continuation cells omitted, trailing blanks kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width { text += self[x: x, y: y].symbol }
        return text
    }

    /// Every row, trailing blanks trimmed, joined by newlines: what a snapshot compares.
    public var text: String {
        (0..<size.height).map { y in
            var row = line(y)
            while row.hasSuffix(" ") { row.removeLast() }
            return row
        }.joined(separator: "\n")
    }

    /// Indices of the cells that differ from `previous`; every cell when the sizes differ.
    public func changedIndices(since previous: ScreenBuffer?) -> [Int] {
        guard let previous, previous.size == size else { return Array(cells.indices) }
        var changed: [Int] = []
        for index in cells.indices where cells[index] != previous.cells[index] {
            changed.append(index)
        }
        return changed
    }

    private func intersect(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX), y1 = min(size.height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Blanks the rest of a wide glyph that (x, y) is part of, before (x, y) is overwritten.
    private mutating func release(x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * size.width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(symbol: " ", style: cells[index - 1].style)
            cells[index] = Cell(symbol: " ", style: cells[index].style)
        } else if x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(symbol: " ", style: cells[index + 1].style)
        }
    }
}
