import Decoding
import Inference

/// A Jacobi window as a grid with one column per position after the text committed before the
/// step: each level of guesses (a deeper level sits one place further on), the iterate the pass
/// produced, and for speculative Jacobi the previous iterate and which guesses were accepted.
struct JacobiGridView {
    var grid: JacobiGridTrace
    var vocabulary: any Vocabulary

    static let labelWidth = 9
    static let cellWidth = 9

    private struct Cell {
        var position: Int
        var text: String
        var role: ThemeRole
    }

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        // A round without guesses (nothing to iterate on yet) is plain decoding: no grid.
        guard grid.levels.contains(where: { !$0.isEmpty }) else { return }
        let depth = grid.levels.count
        let positions = max(grid.levels.enumerated().map { $0.offset + $0.element.count }.max() ?? 0, depth + grid.next.count)
        let header = (0..<positions).map { Cell(position: $0, text: "+\($0 + 1)", role: .muted) }
        row("Jacobi", header, role: .title, rows: &rows, buffer: &buffer, theme: theme)
        if let previous = grid.previous {
            let cells = previous.enumerated().map { Cell(position: $0.offset, text: $0.element.map(label) ?? "·", role: .muted) }
            row("previous", cells, role: .muted, rows: &rows, buffer: &buffer, theme: theme)
        }
        for (level, guesses) in grid.levels.enumerated() {
            let cells = guesses.enumerated().map { column, token in
                let (mark, role) = verdict(level: level, column: column)
                return Cell(position: level + column, text: mark + label(token), role: role)
            }
            row(depth == 1 ? "guesses" : "level \(level + 1)", cells, role: .muted, rows: &rows, buffer: &buffer, theme: theme)
        }
        let next = grid.next.enumerated().compactMap { column, token in
            token.map { Cell(position: depth + column, text: label($0), role: .base) }
        }
        row("next", next, role: .muted, rows: &rows, buffer: &buffer, theme: theme)
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

    private func row(_ title: String, _ cells: [Cell], role: ThemeRole, rows: inout InspectorRows, buffer: inout ScreenBuffer, theme: Theme) {
        guard let y = rows.next() else { return }
        let area = rows.area
        buffer.put(Format.pad(title, Self.labelWidth), x: area.x, y: y, style: theme[role], maxWidth: area.width, clip: area)
        for cell in cells {
            let x = area.x + Self.labelWidth + cell.position * Self.cellWidth
            guard x < area.maxX else { continue }
            buffer.put(Format.pad(cell.text, Self.cellWidth - 1), x: x, y: y, style: theme[cell.role], maxWidth: area.maxX - x, clip: area)
        }
    }
}
