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
    /// continues the prompt's last line (a completion). Rejected drafts are laid out only when
    /// `showingRejectedDrafts` (the source lens): elsewhere they would read as garbled text.
    public init(prompt: String, tokens: [TokenEntry], width: Int, promptOnOwnLine: Bool, showingRejectedDrafts: Bool = true) {
        self.width = max(1, width)
        for (i, piece) in TokenEntry.pieces(of: prompt).enumerated() {
            if i > 0 { breakLine(after: nil, mark: false) }
            // The prompt wraps at spaces, like the tokens that mostly begin with one.
            for word in TokenFlow.words(of: piece) {
                place(wrapping(word), token: nil)
            }
        }
        if promptOnOwnLine, !prompt.isEmpty, !prompt.hasSuffix("\n") { breakLine(after: nil, mark: false) }
        lineOfToken.reserveCapacity(tokens.count)
        // The character the text so far ends with: a token that goes on with a word (no space
        // or line break between) was already given its line when the word began.
        var textEnd: Character?
        for (index, entry) in tokens.enumerated() {
            if !showingRejectedDrafts, entry.isRejectedDraft {
                lineOfToken.append(lines.count - 1)
                columnOfToken.append(column)
                continue
            }
            for (i, piece) in entry.pieces.enumerated() {
                if i > 0 {
                    breakLine(after: index)
                    textEnd = nil
                }
                let continuesWord = i == 0 && column > 0 && textEnd.map(TokenFlow.joinsWord) ?? false && piece.first.map(TokenFlow.joinsWord) ?? false
                let isLast = i == entry.pieces.count - 1
                let text = continuesWord ? piece
                    : wrapping(piece, extent: isLast ? wordExtent(of: piece, after: index, in: tokens, showingRejectedDrafts: showingRejectedDrafts) : nil)
                if i == 0 {
                    lineOfToken.append(lines.count - 1)
                    columnOfToken.append(column)
                }
                place(text, token: index)
                textEnd = text.last ?? textEnd
            }
        }
    }

    /// Splits text before each space, so every word keeps its leading space.
    static func words(of text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        for index in text.indices where index > start && text[index] == " " && text[text.index(before: index)] != " " {
            words.append(text[start..<index])
            start = index
        }
        if start < text.endIndex { words.append(text[start...]) }
        return words
    }

    /// Word wrap: text that does not fit on the current line starts the next one (text wider
    /// than a whole line is split by characters instead). `extent` is the width of the whole
    /// word the text begins, when the following tokens continue it, so that a word of several
    /// tokens wraps whole ("(NLP)" no longer splits into "(N" and "LP)"); the tokens that go on
    /// with a word are not wrapped again, so a word wider than a line fills its lines and splits
    /// by characters, as the prompt does. The space a wrapped word starts with is dropped, so
    /// wrapped lines are not indented.
    /// Text that starts with a wide (CJK, fullwidth) character is not wrapped whole: such
    /// characters are not spaced into words, so a line may break before any of them, except
    /// where `Kinsoku` forbids it (before "。", after "「").
    private mutating func wrapping(_ text: some StringProtocol, extent: Int? = nil) -> String {
        let textWidth = CellWidth.of(String(text))
        let needed = extent.map { $0 <= width ? max($0, textWidth) : textWidth } ?? textWidth
        guard column > 0, column + needed > width, textWidth <= width, !TokenFlow.isWide(text.first) else { return String(text) }
        wrapLine(before: text.first)
        return text.hasPrefix(" ") && text.count > 1 ? String(text.dropFirst()) : String(text)
    }

    /// The width of `piece` (the last piece of token `index`) and of the following tokens that
    /// continue its word: no space, line break or wide character between them (a line may break
    /// beside any CJK character). Stops once wider than a line, since such a word is not
    /// wrapped whole but split by characters.
    private func wordExtent(of piece: String, after index: Int, in tokens: [TokenEntry], showingRejectedDrafts: Bool) -> Int {
        var extent = CellWidth.of(piece)
        // An empty piece (the start of a character the next token finishes) separates nothing.
        guard piece.last.map(TokenFlow.joinsWord) ?? true else { return extent }
        for entry in tokens[(index + 1)...] {
            guard extent <= width else { break }
            if !showingRejectedDrafts, entry.isRejectedDraft { continue }
            guard let first = entry.pieces.first, first.first.map(TokenFlow.joinsWord) ?? true else { break }
            extent += CellWidth.of(first)
            if entry.pieces.count > 1 || !(first.last.map(TokenFlow.joinsWord) ?? true) { break }
        }
        return extent
    }

    /// Whether a character at a token's edge joins it to the text beside it as one word: not
    /// a space, and not a wide (CJK) character, beside which a line may break.
    private static func joinsWord(_ character: Character) -> Bool {
        character != " " && !isWide(character)
    }

    private static func isWide(_ character: Character?) -> Bool {
        character.map { CellWidth.of($0) > 1 } ?? false
    }

    /// The token at or nearest before `column` on `line`, if that line has tokens.
    public func token(onLine line: Int, nearColumn target: Int) -> Int? {
        guard lines.indices.contains(line) else { return nil }
        let spans = lines[line].filter { $0.token != nil }
        let candidate = spans.last(where: { $0.column <= target }) ?? spans.first
        return candidate?.token
    }

    private mutating func place(_ text: String, token: Int?) {
        var chunk = ""
        var chunkColumn = column
        for character in text {
            let w = CellWidth.of(character)
            if column + w > width {
                append(Span(column: chunkColumn, text: chunk, token: token, isLineBreak: false))
                wrapLine(before: character)
                chunk = ""
                chunkColumn = column
            }
            chunk.append(character)
            column += w
        }
        if !chunk.isEmpty { append(Span(column: chunkColumn, text: chunk, token: token, isLineBreak: false)) }
    }

    /// Ends a full line before `next`, moving the line's last characters down with it where
    /// `Kinsoku` asks (so that "。" does not start the next line, nor "「" end this one).
    private mutating func wrapLine(before next: Character?) {
        let line = lines.count - 1
        let ending = lines[line].flatMap { span in span.text.map { (character: $0, token: span.token) } }
        let count = next.map { Kinsoku.carriedCount(endOf: ending.map(\.character), before: $0, width: width) } ?? 0
        guard count > 0 else { return breakLine(after: nil, mark: false) }
        let carried = ending.suffix(count)
        let cutColumn = column - carried.reduce(0) { $0 + CellWidth.of($1.character) }
        var remaining = count
        while remaining > 0, var span = lines[line].popLast() {
            let taken = min(remaining, span.text.count)
            span.text.removeLast(taken)
            remaining -= taken
            append(span)
        }
        breakLine(after: nil, mark: false)
        for (character, token) in carried {
            if let previous = lines[line + 1].last, previous.token == token {
                lines[line + 1][lines[line + 1].count - 1].text.append(character)
            } else {
                append(Span(column: column, text: String(character), token: token, isLineBreak: false))
            }
            column += CellWidth.of(character)
        }
        // Tokens that began in what moved down now begin on the new line.
        for index in lineOfToken.indices.reversed() {
            guard lineOfToken[index] == line, columnOfToken[index] >= cutColumn else { break }
            lineOfToken[index] = line + 1
            columnOfToken[index] -= cutColumn
        }
    }

    private mutating func breakLine(after token: Int?, mark: Bool = true) {
        if mark {
            // A full line pushes the mark to a row of its own: a line-break token drawn
            // nowhere could not show the cursor.
            if column >= width {
                lines.append([])
                column = 0
            }
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
