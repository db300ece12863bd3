import Testing
import UI

@Suite struct ScreenBufferTests {
    @Test func writesTextAndClipsAtTheEdge() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 2))
        let used = buffer.put("decoding", x: 3, y: 0, style: .plain)
        #expect(used == 5)
        #expect(buffer.line(0) == "   deco…", "cut text says so")
        #expect(buffer.text == "   deco…\n")
        #expect(buffer.put("fits", x: 4, y: 1, style: .plain) == 4)
        #expect(buffer.line(1) == "    fits", "text that fits exactly is not marked")
    }

    @Test func wideGlyphTakesTwoCellsWithAContinuation() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(buffer.put("漢字", x: 0, y: 0, style: .plain) == 4)
        #expect(buffer[x: 0, y: 0].symbol == "漢")
        #expect(buffer[x: 1, y: 0].isContinuation)
        #expect(buffer[x: 2, y: 0].symbol == "字")
        #expect(buffer.line(0) == "漢字  ")
    }

    @Test func wideGlyphThatDoesNotFitIsNotHalfDrawn() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 1))
        #expect(buffer.put("a漢字", x: 0, y: 0, style: .plain) == 2)
        #expect(buffer.line(0) == "a… ", "no room for 漢 and the ellipsis")
        var edge = ScreenBuffer(size: Size(width: 3, height: 1))
        #expect(edge.put("ab漢", x: 0, y: 0, style: .plain) == 3)
        #expect(edge.line(0) == "ab…")
    }

    @Test func overwritingEitherHalfOfAWideGlyphBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("漢", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)
        #expect(buffer.line(0) == " x  ")
        buffer.put("字", x: 2, y: 0, style: .plain)
        buffer.put("y", x: 2, y: 0, style: .plain)
        #expect(buffer.line(0) == " xy ")
        #expect(!buffer[x: 3, y: 0].isContinuation)
    }

    @Test func diffListsOnlyChangedCellsAndEverythingAfterAResize() {
        var before = ScreenBuffer(size: Size(width: 4, height: 2))
        before.put("ab", x: 0, y: 0, style: .plain)
        var after = before
        after.put("b", x: 0, y: 0, style: .plain)
        after.put("z", x: 3, y: 1, style: Style(bold: true))
        #expect(after.changedIndices(since: before) == [0, 7])
        #expect(after.changedIndices(since: after).isEmpty)
        #expect(after.changedIndices(since: nil).count == 8)
        #expect(after.changedIndices(since: ScreenBuffer(size: Size(width: 3, height: 2))).count == 8)
    }

    @Test func styleOnlyChangesAreDiffed() {
        let before = ScreenBuffer(size: Size(width: 2, height: 1))
        var after = before
        after.put(" ", x: 1, y: 0, style: Style(reverse: true))
        #expect(after.changedIndices(since: before) == [1])
    }

    @Test func clipRectStopsWriting() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        let clip = Rect(x: 2, y: 1, width: 3, height: 1)
        buffer.put("abcdef", x: 2, y: 1, style: .plain, clip: clip)
        buffer.put("zz", x: 2, y: 2, style: .plain, clip: clip)
        #expect(buffer.text == "\n  ab…\n")
    }
}
