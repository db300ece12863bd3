import Decoding
import Testing
import UI

@Suite struct TokenFlowTests {
    let vocabulary = TestVocabulary()

    func entries(_ ids: [Int32]) -> [TokenEntry] {
        ids.map { TokenEntry(step: 0, traced: TracedToken(token: $0, source: .sampled), vocabulary: vocabulary) }
    }

    @Test func wrapsAtTokenBoundariesAndBreaksAtNewlines() {
        // " the cat sat" "\n" " on a mat"
        let flow = TokenFlow(prompt: "Once:", tokens: entries([0, 1, 2, 7, 3, 4, 5]), width: 10, promptOnOwnLine: true)
        let lines = flow.lines.map { $0.map(\.text).joined() }
        // " sat" does not fit after " the cat": it wraps, without its leading space.
        #expect(lines == ["Once:", " the cat", "sat↵", " on a mat"])
        #expect(flow.lineOfToken == [1, 1, 2, 2, 3, 3, 3])
        #expect(flow.columnOfToken == [0, 4, 0, 3, 0, 3, 5])
        #expect(flow.token(onLine: 3, nearColumn: 4) == 5)
    }

    /// A word of several tokens wraps whole: " mat" and "." go to the next line together
    /// rather than leaving "." alone at its start.
    @Test func aWordOfSeveralTokensWrapsWhole() {
        let flow = TokenFlow(prompt: "", tokens: entries([0, 5, 6, 3]), width: 8, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == [" the", "mat. on"])
        let long = TokenFlow(prompt: "", tokens: entries([0, 9, 9, 9, 9, 9]), width: 8, promptOnOwnLine: false)
        #expect(long.lines.map { $0.map(\.text).joined() } == [" the漢字", "漢字漢字", "漢字漢字"], "a word wider than a line wraps token by token")
    }

    /// A word wider than the pane fills its first line and splits by characters, as the
    /// prompt does, instead of moving its rest to a line of its own ("Pneumonoult" alone).
    @Test func aWordWiderThanALineFillsItsLines() {
        let vocabulary = TestVocabulary([" pneu", "monoultra", "micro", "scopic", " ok"])
        let long = [0, 1, 2, 3, 4].map { TokenEntry(step: 0, traced: TracedToken(token: Int32($0), source: .sampled), vocabulary: vocabulary) }
        let flow = TokenFlow(prompt: "", tokens: long, width: 10, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == [" pneumonou", "ltramicros", "copic ok"])
        // A word that fits a line still wraps whole.
        let short = TokenFlow(prompt: "", tokens: entries([0, 1, 0, 6]), width: 12, promptOnOwnLine: false)
        #expect(short.lines.map { $0.map(\.text).joined() } == [" the cat", "the."])
    }

    /// CJK text is not spaced into words: a run of it fills each line and breaks between any
    /// two characters, not before the run nor before the token that would overflow.
    @Test func aRunOfWideCharactersFillsTheLines() {
        let afterAWord = TokenFlow(prompt: "", tokens: entries([0, 9, 9, 9]), width: 12, promptOnOwnLine: false)
        #expect(afterAWord.lines.map { $0.map(\.text).joined() } == [" the漢字漢字", "漢字"])
        let run = TokenFlow(prompt: "", tokens: entries([9, 9, 9]), width: 7, promptOnOwnLine: false)
        #expect(run.lines.map { $0.map(\.text).joined() } == ["漢字漢", "字漢字"])
        #expect(run.lineOfToken == [0, 0, 1])
    }

    /// Kinsoku: closing punctuation does not start a line, so the character before it moves
    /// down with it, and the tokens that begin there begin on the new line.
    @Test func closingPunctuationDoesNotStartALine() {
        let vocabulary = TestVocabulary(["今日は", "晴れ", "。", "今日は晴", "れ", "」"])
        func flow(_ ids: [Int32]) -> TokenFlow {
            let tokens = ids.map { TokenEntry(step: 0, traced: TracedToken(token: $0, source: .sampled), vocabulary: vocabulary) }
            return TokenFlow(prompt: "", tokens: tokens, width: 10, promptOnOwnLine: false)
        }
        let insideAToken = flow([0, 1, 2])
        #expect(insideAToken.lines.map { $0.map(\.text).joined() } == ["今日は晴", "れ。"])
        #expect(insideAToken.lines[1].map(\.token) == [1, 2])
        #expect(insideAToken.lineOfToken == [0, 0, 1] && insideAToken.columnOfToken == [0, 6, 2])
        let aWholeToken = flow([3, 4, 2])
        #expect(aWholeToken.lines.map { $0.map(\.text).joined() } == ["今日は晴", "れ。"])
        #expect(aWholeToken.lineOfToken == [0, 1, 1] && aWholeToken.columnOfToken == [0, 0, 2])
        // "。」": neither may start the line, so "晴" comes down with both.
        let twoInARow = flow([3, 2, 5])
        #expect(twoInARow.lines.map { $0.map(\.text).joined() } == ["今日は", "晴。」"])
        #expect(twoInARow.lines[1].map(\.token) == [0, 1, 2])
        let prompt = TokenFlow(prompt: "今日は晴れ、雨。", tokens: [], width: 10, promptOnOwnLine: false)
        #expect(prompt.lines.map { $0.map(\.text).joined() } == ["今日は晴", "れ、雨。"])
    }

    /// Kinsoku: an opening bracket does not end a line; it moves down with what it opens.
    @Test func anOpeningBracketDoesNotEndALine() {
        let vocabulary = TestVocabulary(["今日は晴", "「", "雨", "」"])
        let tokens = [0, 1, 2, 3].map { TokenEntry(step: 0, traced: TracedToken(token: Int32($0), source: .sampled), vocabulary: vocabulary) }
        let flow = TokenFlow(prompt: "", tokens: tokens, width: 10, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == ["今日は晴", "「雨」"])
        #expect(flow.lineOfToken == [0, 1, 1, 1] && flow.columnOfToken == [0, 0, 2, 4])
    }

    /// A line break after a line that fills the pane still draws its ↵, on the next row.
    @Test func aLineBreakAfterAFullLineIsDrawn() {
        let flow = TokenFlow(prompt: "", tokens: entries([0, 1, 7, 3]), width: 8, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == [" the cat", "↵", " on"])
        #expect(flow.lines[1].first?.token == 2)
    }

    @Test func aCompletionContinuesThePromptLine() {
        let flow = TokenFlow(prompt: "Once:", tokens: entries([0, 1]), width: 20, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == ["Once: the cat"])
        #expect(flow.lines[0].map(\.token) == [nil, 0, 1])
    }

    @Test func thePromptWrapsAtSpaces() {
        let flow = TokenFlow(prompt: "a lighthouse keeper  who", tokens: [], width: 12, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == ["a lighthouse", "keeper  who"])
    }

    @Test func wideTokensNeverStraddleTheEdge() {
        let flow = TokenFlow(prompt: "", tokens: entries([9, 9, 9]), width: 5, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == ["漢字", "漢字", "漢字"])
    }

    @Test func rejectedDraftsAppearOnlyWhenAskedFor() {
        var tokens = entries([0, 1, 2])
        tokens[1] = TokenEntry(step: 0, traced: TracedToken(token: 1, source: .draftRejected), vocabulary: vocabulary)
        let hidden = TokenFlow(prompt: "", tokens: tokens, width: 40, promptOnOwnLine: false, showingRejectedDrafts: false)
        #expect(hidden.lines.map { $0.map(\.text).joined() } == [" the sat"])
        #expect(hidden.lineOfToken == [0, 0, 0])
        let shown = TokenFlow(prompt: "", tokens: tokens, width: 40, promptOnOwnLine: false)
        #expect(shown.lines.map { $0.map(\.text).joined() } == [" the cat sat"])
    }

    /// A rejected draft is not part of the text: a rejected line break is drawn as a mark in
    /// the draft's own style and does not start a new line of the committed text.
    @Test func aRejectedLineBreakDoesNotBreakTheLine() {
        var tokens = entries([0, 7, 1, 2])
        tokens[1] = TokenEntry(step: 0, traced: TracedToken(token: 7, source: .draftRejected), vocabulary: vocabulary)
        let shown = TokenFlow(prompt: "", tokens: tokens, width: 40, promptOnOwnLine: false)
        #expect(shown.lines.map { $0.map(\.text).joined() } == [" the↵ cat sat"])
        #expect(shown.lineOfToken == [0, 0, 0, 0])
        #expect(shown.lines[0].first { $0.token == 1 }?.isLineBreak == false, "drawn as the draft, not as the text's line break")
        var buffer = ScreenBuffer(size: Size(width: 30, height: 4))
        TextPane(prompt: "", chat: false, tokens: tokens, lens: .source, cursor: nil, focused: true)
            .render(into: &buffer, area: buffer.size.bounds, theme: .monochrome)
        #expect(buffer.line(1).hasPrefix("│ the↵ cat sat "))
        #expect(buffer.line(2).hasPrefix("│  "))
        #expect(buffer[x: 5, y: 1].style == Theme.monochrome[.draftRejected])
    }
}
