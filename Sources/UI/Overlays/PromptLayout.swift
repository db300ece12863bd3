/// The prompt editor's lines wrapped to its box: which characters each screen row shows, so a
/// long prompt reads whole over the rows instead of scrolling sideways, and where the cursor
/// lands. Rows break after the last space that fits, or between characters in a word wider
/// than the box.
struct PromptLayout {
    struct Row: Equatable {
        var line: Int
        var columns: Range<Int>
    }

    let rows: [Row]
    private let lines: [[Character]]

    init(lines: [[Character]], width: Int) {
        self.lines = lines
        let width = max(1, width)
        var rows: [Row] = []
        for (index, line) in lines.enumerated() {
            var start = 0, used = 0, lastSpace: Int?
            for (column, character) in line.enumerated() {
                let cells = PromptLayout.cells(character)
                if used + cells > width, column > start {
                    let end = lastSpace.map { $0 + 1 } ?? column
                    rows.append(Row(line: index, columns: start..<end))
                    start = end
                    used = line[start..<column].reduce(0) { $0 + PromptLayout.cells($1) }
                    lastSpace = nil
                }
                used += cells
                if character == " " { lastSpace = column }
            }
            rows.append(Row(line: index, columns: start..<line.count))
            // A row filled to the edge has no cell left for the cursor after it.
            if used >= width { rows.append(Row(line: index, columns: line.count..<line.count)) }
        }
        self.rows = rows
    }

    /// The row showing the cursor at `column` of `line`: the last of the line's rows starting at or before it.
    func row(line: Int, column: Int) -> Int {
        rows.lastIndex { $0.line == line && $0.columns.lowerBound <= column } ?? 0
    }

    /// The cells from the start of `row` to `column`.
    func x(of column: Int, in row: Int) -> Int {
        let columns = rows[row].columns
        return lines[rows[row].line][columns.lowerBound..<min(max(column, columns.lowerBound), columns.upperBound)]
            .reduce(0) { $0 + PromptLayout.cells($1) }
    }

    /// The column of `row` nearest to `x` cells from its start, for moving up and down.
    func column(at x: Int, in row: Int) -> Int {
        let columns = rows[row].columns
        let line = lines[rows[row].line]
        var used = 0
        for column in columns {
            used += PromptLayout.cells(line[column])
            if used > x { return column }
        }
        // Past the row's end: its last column, unless the line goes on to the next row.
        let continues = rows.indices.contains(row + 1) && rows[row + 1].line == rows[row].line
        return continues && !columns.isEmpty ? columns.upperBound - 1 : columns.upperBound
    }

    /// The text as drawn: control characters and the like stand in printably.
    func text(of row: Int) -> String {
        Printable.text(String(lines[rows[row].line][rows[row].columns]))
    }

    static func cells(_ character: Character) -> Int {
        CellWidth.of(Printable.text(String(character)))
    }
}
