/// Lays the prompt and the tokens out as wrapped lines of a given width, remembering where
/// every token landed so the cursor can move by line and the pane can scroll to it.
public struct TokenFlow: Sendable {
    public struct Span: Sendable, Equatable {
        public var column: Int
        public var text: String
        /// Index into the token list; nil for the prompt.
        public var token: Int?
        /// The `↵` drawn where a token contains a line break.
        public var isLineBreak: Bool
    }

    public private(set) var lines: [[Span]] = [[]]
    /// The line each token starts on.
    public private(set) var lineOfToken: [Int] = []
    /// The column each token starts at.
    public private(set) var columnOfToken: [Int] = []
    private let width: Int
    private var column = 0

    /// `promptOnOwnLine` starts the generated text on a new line (a chat reply); otherwise it
    /// continues the prompt's last line (a completion).
    public init(prompt: String, tokens: [TokenEntry], width: Int, promptOnOwnLine: Bool) {
        self.width = max(1, width)
        for (i, piece) in TokenEntry.pieces(of: prompt).enumerated() {
            if i > 0 { breakLine(after: nil, mark: false) }
            place(piece, token: nil)
        }
        if promptOnOwnLine, !prompt.isEmpty, !prompt.hasSuffix("\n") { breakLine(after: nil, mark: false) }
        lineOfToken.reserveCapacity(tokens.count)
        for (index, entry) in tokens.enumerated() {
            var started = false
            for (i, piece) in entry.pieces.enumerated() {
                if i > 0 { breakLine(after: index) }
                if !started {
                    startToken(width: CellWidth.of(piece))
                    started = true
                }
                place(piece, token: index)
            }
        }
    }

    /// The token at or nearest before `column` on `line`, if that line has tokens.
    public func token(onLine line: Int, nearColumn target: Int) -> Int? {
        guard lines.indices.contains(line) else { return nil }
        let spans = lines[line].filter { $0.token != nil }
        let candidate = spans.last(where: { $0.column <= target }) ?? spans.first
        return candidate?.token
    }

    private mutating func startToken(width pieceWidth: Int) {
        // Word-wrap at token boundaries: a token that does not fit starts a new line (unless
        // it is wider than the whole line, then it is split by characters).
        if column > 0, column + pieceWidth > width, pieceWidth <= width { breakLine(after: nil, mark: false) }
        lineOfToken.append(lines.count - 1)
        columnOfToken.append(column)
    }

    private mutating func place(_ text: String, token: Int?) {
        var chunk = ""
        var chunkColumn = column
        for character in text {
            let w = CellWidth.of(character)
            if column + w > width {
                append(Span(column: chunkColumn, text: chunk, token: token, isLineBreak: false))
                breakLine(after: nil, mark: false)
                chunk = ""
                chunkColumn = 0
            }
            chunk.append(character)
            column += w
        }
        if !chunk.isEmpty { append(Span(column: chunkColumn, text: chunk, token: token, isLineBreak: false)) }
    }

    private mutating func breakLine(after token: Int?, mark: Bool = true) {
        if mark, column < width {
            append(Span(column: column, text: "↵", token: token, isLineBreak: true))
        }
        lines.append([])
        column = 0
    }

    private mutating func append(_ span: Span) {
        guard !span.text.isEmpty else { return }
        lines[lines.count - 1].append(span)
    }
}
