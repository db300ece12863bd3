import Decoding
import Inference

/// A Jacobi window as a grid with one column per position after the text committed before the
/// step: each level of guesses (a deeper level sits one place further on), the iterate the pass
/// produced, and for speculative Jacobi the previous iterate and which guesses were accepted.
struct JacobiGridView {
    var grid: JacobiGridTrace
    var vocabulary: any Vocabulary

    static let labelWidth = 8
    /// Cells shrink to fit the panel down to this width; columns past the panel are counted.
    static let cellWidths = 4...9

    private struct Cell {
        var position: Int
        var text: String
        var role: ThemeRole
        /// The header's count of hidden columns, which takes the rest of the row.
        var fillsRest = false
    }

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        // A round without guesses (nothing to iterate on yet) is plain decoding: no grid.
        guard grid.levels.contains(where: { !$0.isEmpty }) else { return }
        let depth = grid.levels.count
        let positions = max(grid.levels.enumerated().map { $0.offset + $0.element.count }.max() ?? 0, depth + grid.next.count)
        let room = max(0, rows.area.width - Self.labelWidth)
        let cellWidth = min(Self.cellWidths.upperBound, max(Self.cellWidths.lowerBound, room / max(1, positions)))
        var columns = Layout(cellWidth: cellWidth, shown: min(positions, room / cellWidth))
        if columns.shown < positions { columns.shown = max(0, columns.shown - 1) }
        var header = (0..<columns.shown).map { Cell(position: $0, text: "+\($0 + 1)", role: .muted) }
        if columns.shown < positions { header.append(Cell(position: columns.shown, text: "…\(positions - columns.shown) more", role: .muted, fillsRest: true)) }
        row("Jacobi", header, role: .title, columns: columns, rows: &rows, buffer: &buffer, theme: theme)
        if let previous = grid.previous {
            let cells = previous.enumerated().map { Cell(position: $0.offset, text: $0.element.map(label) ?? "·", role: .muted) }
            row("prev", cells, role: .muted, columns: columns, rows: &rows, buffer: &buffer, theme: theme)
        }
        for (level, guesses) in grid.levels.enumerated() {
            let cells = guesses.enumerated().map { column, token in
                let (mark, role) = verdict(level: level, column: column)
                return Cell(position: level + column, text: mark + label(token), role: role)
            }
            row(depth == 1 ? "guesses" : "level \(level + 1)", cells, role: .muted, columns: columns, rows: &rows, buffer: &buffer, theme: theme)
        }
        let next = grid.next.enumerated().compactMap { column, token in
            token.map { Cell(position: depth + column, text: label($0), role: .base) }
        }
        // Only what the pass's own rows produced; other guesses of the next window come from lookup.
        row(grid.previous == nil ? "next" : "redrawn", next, role: .muted, columns: columns, rows: &rows, buffer: &buffer, theme: theme)
        if grid.previous == nil {
            rows.line("pool: \(grid.poolCandidates.count) verified · +\(grid.collected) n-grams", style: theme[.muted], into: &buffer)
        }
    }

    /// Accepted guesses lead level 0; the first one after them is the rejection.
    private func verdict(level: Int, column: Int) -> (mark: String, role: ThemeRole) {
        guard level == 0, let accepted = grid.accepted else { return ("", .base) }
        if column < accepted { return ("✓", .draftAccepted) }
        return column == accepted ? ("✗", .draftRejected) : ("", .muted)
    }

    private func label(_ token: TokenID) -> String {
        TokenText.label(token, vocabulary: vocabulary)
    }

    /// How wide a column is and how many fit.
    private struct Layout {
        var cellWidth: Int
        var shown: Int
    }

    private func row(_ title: String, _ cells: [Cell], role: ThemeRole, columns: Layout, rows: inout InspectorRows,
                     buffer: inout ScreenBuffer, theme: Theme) {
        guard let y = rows.next() else { return }
        let area = rows.area
        buffer.put(Format.pad(title, Self.labelWidth), x: area.x, y: y, style: theme[role], maxWidth: area.width, clip: area)
        for cell in cells {
            let x = area.x + Self.labelWidth + cell.position * columns.cellWidth
            guard x < area.maxX else { continue }
            guard cell.position < columns.shown || cell.fillsRest else { continue }
            let width = cell.fillsRest ? area.maxX - x : columns.cellWidth - 1
            buffer.put(Format.padMarkingCut(cell.text, width), x: x, y: y, style: theme[cell.role], maxWidth: area.maxX - x, clip: area)
        }
    }
}
