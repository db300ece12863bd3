import Decoding
import Inference
import Testing
@testable import UI

/// Byte-level BPE splits many characters over tokens (an emoji's four bytes, an accented
/// letter's two): the text pane shows the character whole, never U+FFFD per half.
@Suite struct SplitCharacterTests {
    /// Token 0 " caf", 1 the first byte of "é", 2 its second byte, 3 the first two bytes of
    /// "🙂", 4 its last two, 5 "!", 6 a no-break space, 7 two spaces.
    struct ByteVocabulary: Vocabulary {
        let tokens: [[UInt8]] = [Array(" caf".utf8), [0xC3], [0xA9], [0xF0, 0x9F], [0x99, 0x82], Array("!".utf8), [0xC2, 0xA0], Array("  ".utf8)]
        var count: Int { tokens.count }
        func bytes(of token: TokenID) -> [UInt8] { tokens[Int(token)] }
        func isEndOfGeneration(_ token: TokenID) -> Bool { false }
        func isControl(_ token: TokenID) -> Bool { false }
    }

    static let distribution = DistributionTrace(stages: [], chosen: 0, entropy: 0, varentropy: 0, uniform: nil)

    static func step(_ index: Int, _ tokens: [TracedToken]) -> StepTrace {
        StepTrace(index: index, generatedBefore: 0, tokens: tokens, payload: .distribution(distribution), targetEvaluations: 1)
    }

    static func text(_ entries: [TokenEntry]) -> [String] { entries.map { $0.pieces.joined(separator: "↵") } }

    @Test func aCharacterIsShownByTheTokenThatFinishesIt() {
        let vocabulary = ByteVocabulary()
        var entries: [TokenEntry] = []
        // The split falls inside a step and across steps alike.
        for (index, ids) in [[0, 1], [2, 3], [4, 5]].enumerated() {
            entries += TokenEntry.entries(of: Self.step(index, ids.map { TracedToken(token: TokenID($0), source: .sampled) }),
                                          step: index, vocabulary: vocabulary, after: entries)
        }
        #expect(Self.text(entries) == [" caf", "", "é", "", "🙂", "!"])
        let flow = TokenFlow(prompt: "", tokens: entries, width: 40, promptOnOwnLine: false)
        #expect(flow.lines.map { $0.map(\.text).joined() } == [" café🙂!"])
    }

    /// The cursor on a token that only starts a character is drawn on the character, which the
    /// next token finishes; otherwise it would vanish (the starting token is drawn empty).
    @Test func theCursorOnAPieceOfACharacterHighlightsTheCharacter() throws {
        let vocabulary = ByteVocabulary()
        let tokens = [0, 1, 2, 5].map { TracedToken(token: TokenID($0), source: .sampled) }
        let entries = TokenEntry.entries(of: Self.step(0, tokens), step: 0, vocabulary: vocabulary, after: [])
        func styleOfE(cursor: Int?) throws -> Style {
            var buffer = ScreenBuffer(size: Size(width: 30, height: 5), fill: Cell(symbol: " ", style: Theme.monochrome[.base]))
            TextPane(prompt: "", chat: false, tokens: entries, lens: .probability, cursor: cursor, focused: true)
                .render(into: &buffer, area: Size(width: 30, height: 5).bounds, theme: Theme.monochrome)
            let y = try #require((0..<5).first { buffer.line($0).contains("café") })
            let x = try #require((0..<30).first { buffer[x: $0, y: y].symbol == "é" })
            return buffer[x: x, y: y].style
        }
        #expect(try styleOfE(cursor: 1) == styleOfE(cursor: 2))
        #expect(try styleOfE(cursor: 1) != styleOfE(cursor: nil))
        #expect(try styleOfE(cursor: 0) == styleOfE(cursor: nil))
    }

    /// The newest token may only start a character: the cursor on it stands on a placeholder
    /// where the character will go, instead of vanishing.
    @Test func theCursorOnAnUnfinishedLastCharacterIsDrawn() throws {
        let vocabulary = ByteVocabulary()
        let tokens = [0, 3].map { TracedToken(token: TokenID($0), source: .sampled) }
        let entries = TokenEntry.entries(of: Self.step(0, tokens), step: 0, vocabulary: vocabulary, after: [])
        func line(cursor: Int?) -> (text: String, style: Style?) {
            var buffer = ScreenBuffer(size: Size(width: 30, height: 5), fill: Cell(symbol: " ", style: Theme.monochrome[.base]))
            TextPane(prompt: "", chat: false, tokens: entries, lens: .probability, cursor: cursor, focused: true)
                .render(into: &buffer, area: Size(width: 30, height: 5).bounds, theme: Theme.monochrome)
            let y = (0..<5).first { buffer.line($0).contains("caf") } ?? 0
            let x = (0..<30).first { buffer[x: $0, y: y].symbol == TextPane.pendingCharacter }
            return (buffer.line(y), x.map { buffer[x: $0, y: y].style })
        }
        #expect(line(cursor: 1).text.contains(" caf\(TextPane.pendingCharacter)"))
        let placeholder = try #require(line(cursor: 1).style)
        #expect(placeholder != Theme.monochrome[.base], "drawn in the cursor's style")
        #expect(!line(cursor: nil).text.contains(TextPane.pendingCharacter), "only the cursor stands there")
        #expect(!line(cursor: 0).text.contains(TextPane.pendingCharacter))
    }

    /// A rejected draft is not part of the text: it neither finishes nor carries a character.
    @Test func aRejectedDraftBetweenTheHalvesIsShownOnItsOwn() {
        let vocabulary = ByteVocabulary()
        let tokens = [TracedToken(token: 1, source: .sampled), TracedToken(token: 5, source: .draftRejected), TracedToken(token: 2, source: .sampled)]
        let entries = TokenEntry.entries(of: Self.step(0, tokens), step: 0, vocabulary: vocabulary, after: [])
        #expect(Self.text(entries) == ["", "!", "é"])
    }

    @Test func aPieceOfACharacterIsLabelledByItsBytes() {
        #expect(TokenText.label(1, vocabulary: ByteVocabulary()) == "\\xC3")
        #expect(TokenText.label(3, vocabulary: ByteVocabulary()) == "\\xF0\\x9F")
        #expect(TokenText.label(0, vocabulary: ByteVocabulary()) == "␣caf")
        #expect(TokenText.label(6, vocabulary: ByteVocabulary()) == "U+00A0", "a no-break space is named, not drawn blank")
        #expect(TokenText.label(7, vocabulary: ByteVocabulary()) == "␣␣")
    }

    @Test func beamAndParticleTailsReadTheBytesTogether() {
        #expect(TokenText.string([0, 1, 2], vocabulary: ByteVocabulary()) == " café")
    }
}
