/// The prompt being edited: multi-line text with a cursor, and whether it is sent as a chat
/// message (wrapped in the model's chat template) or as raw text.
public struct PromptEditor: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    public var chat: Bool
    /// Why the text was not applied (it is empty), shown in the editor until the next key.
    public var problem: String?

    public init(text: String, chat: Bool) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
        self.chat = chat
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public mutating func insert(_ character: Character) {
        if character == "\n" {
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        } else {
            lines[row].insert(character, at: column)
            column += 1
        }
    }

    public mutating func backspace() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            let rest = lines.remove(at: row)
            row -= 1
            column = lines[row].count
            lines[row] += rest
        }
    }

    public mutating func deleteForward() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row + 1 < lines.count {
            lines[row] += lines.remove(at: row + 1)
        }
    }

    /// Moves the cursor; up and down go by screen row of the text wrapped at `rowWidth`.
    public mutating func move(_ key: Key, rowWidth: Int) {
        switch key {
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up, .down:
            let layout = PromptLayout(lines: lines, width: rowWidth)
            let current = layout.row(line: row, column: column)
            let target = current + (key == .up ? -1 : 1)
            guard layout.rows.indices.contains(target) else { return }
            let x = layout.x(of: column, in: current)
            row = layout.rows[target].line
            column = layout.column(at: x, in: target)
        case .home: column = 0
        case .end: column = lines[row].count
        default: break
        }
    }

    public mutating func clear() {
        lines = [[]]
        row = 0
        column = 0
    }
}
