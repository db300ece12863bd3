/// The prompt and the generated text, each token coloured by the lens; the selected token is
/// drawn as a cursor. Scrolls to keep the selected (or newest) token in view.
public struct TextPane: Widget {
    public var prompt: String
    public var tokens: [TokenEntry]
    public var lens: Lens
    /// The selected token; nil follows the newest.
    public var cursor: Int?
    public var focused: Bool
    public var title: String
    /// A chat reply starts below the prompt; a completion continues it.
    public var chat: Bool

    public init(prompt: String, chat: Bool, tokens: [TokenEntry], lens: Lens, cursor: Int?, focused: Bool, title: String = "Text") {
        self.prompt = prompt
        self.chat = chat
        self.tokens = tokens
        self.lens = lens
        self.cursor = cursor
        self.focused = focused
        self.title = title
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let titled = "\(title) · \(lens.rawValue)"
        // Where the legend does not fit beside the lens's name it goes without it: the legend
        // names the measure too ("p ≥.9 …"). Next the shorter legend is tried the same way.
        // Where it fits no way the title stays whole.
        let shown = [lens.legend, lens.compactLegend].lazy.flatMap { legend in [titled, title].map { (title: $0, legend: legend) } }
            .first { legendFits($0.legend, in: area, titleWidth: CellWidth.of($0.title) + 4) }
        Panel(title: shown?.title ?? titled, focused: focused).render(into: &buffer, area: area, theme: theme)
        if let shown { drawLegend(shown.legend, into: &buffer, area: area, theme: theme) }
        let inner = Panel.inner(area)
        guard inner.width > 0, inner.height > 0 else { return }
        let flow = TokenFlow(prompt: prompt, tokens: tokens, width: inner.width, promptOnOwnLine: chat, showingRejectedDrafts: lens == .source)
        let focusLine = cursor.flatMap { flow.lineOfToken.indices.contains($0) ? flow.lineOfToken[$0] : nil } ?? flow.lines.count - 1
        let top = TextPane.firstVisibleLine(focusLine: focusLine, lineCount: flow.lines.count, height: inner.height, following: cursor == nil)
        let characterToken = cursorCharacter
        for row in 0..<inner.height {
            let lineIndex = top + row
            guard flow.lines.indices.contains(lineIndex) else { break }
            for span in flow.lines[lineIndex] {
                buffer.put(span.text, x: inner.x + span.column, y: inner.y + row, style: style(of: span, characterToken: characterToken, theme: theme), clip: inner)
            }
        }
        // A cursor on the start of a character no token has finished yet (the newest token)
        // would have nothing to stand on: it gets a placeholder cell where the character will go.
        if let cursor, characterToken == nil, tokens.indices.contains(cursor), tokens[cursor].pieces.allSatisfy(\.isEmpty),
           !tokens[cursor].unfinished.isEmpty, flow.lineOfToken.indices.contains(cursor) {
            let row = flow.lineOfToken[cursor] - top
            if (0..<inner.height).contains(row) {
                let style = theme[lens.role(for: tokens[cursor].traced)].overlaid(by: theme[.cursor])
                buffer.put(Self.pendingCharacter, x: inner.x + flow.columnOfToken[cursor], y: inner.y + row, style: style, clip: inner)
            }
        }
    }

    /// Stands for a character whose first bytes have come and whose last have not.
    static let pendingCharacter = "◌"

    private typealias Legend = [(text: String, role: ThemeRole)]

    private func width(of legend: Legend) -> Int {
        legend.reduce(0) { $0 + CellWidth.of($1.text) + 1 } + 1
    }

    private func legendFits(_ legend: Legend, in area: Rect, titleWidth: Int) -> Bool {
        area.maxX - 2 - width(of: legend) > area.x + titleWidth
    }

    /// A lens legend, right-aligned in the top border.
    private func drawLegend(_ legend: Legend, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        var x = area.maxX - 2 - width(of: legend)
        for item in legend {
            x += buffer.put(" ", x: x, y: area.y, style: theme[.base])
            x += buffer.put(item.text, x: x, y: area.y, style: theme[item.role])
        }
        buffer.put(" ", x: x, y: area.y, style: theme[.base])
    }

    /// Following: the newest line sits at the bottom. Browsing: the selected line is kept near
    /// the middle so there is context on both sides.
    static func firstVisibleLine(focusLine: Int, lineCount: Int, height: Int, following: Bool) -> Int {
        let maxTop = max(0, lineCount - height)
        if following { return maxTop }
        return max(0, min(maxTop, focusLine - height / 2))
    }

    /// For a cursor on a token that only starts a character (drawn empty), the token that
    /// finishes the character, so the cursor stays visible on it. Found once per frame.
    private var cursorCharacter: Int? {
        guard let cursor, tokens.indices.contains(cursor), tokens[cursor].pieces.allSatisfy(\.isEmpty), !tokens[cursor].unfinished.isEmpty else { return nil }
        return tokens[(cursor + 1)...].firstIndex { !$0.isRejectedDraft && !$0.pieces.allSatisfy(\.isEmpty) }
    }

    /// `characterToken`: `cursorCharacter`, drawn as the cursor too.
    private func style(of span: TokenFlow.Span, characterToken: Int?, theme: Theme) -> Style {
        guard let index = span.token, tokens.indices.contains(index) else { return theme[.muted] }
        var style = span.isLineBreak ? theme[.muted] : theme[lens.role(for: tokens[index].traced)]
        if index == cursor || index == characterToken { style = style.overlaid(by: theme[.cursor]) }
        return style
    }
}
