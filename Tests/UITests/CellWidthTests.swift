import Testing
import UI

/// Values measured with glibc 2.36 wcwidth() under C.UTF-8 (the table's source), the widths
/// ncurses uses to advance the cursor.
@Suite struct CellWidthTests {
    @Test(arguments: [
        ("A", 1), ("漢", 2), ("█", 1), ("✓", 1), ("╭", 1), ("▁", 1), ("é", 1), ("😀", 2), ("ｱ", 1), ("Ａ", 2), ("가", 2),
    ])
    func widthOfCharacters(_ text: String, _ width: Int) {
        #expect(CellWidth.of(text) == width)
    }

    @Test func combiningMarksAndControlsAreSpecial() {
        #expect(CellWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(CellWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(CellWidth.of(Unicode.Scalar(0x07)!) == nil)
        #expect(CellWidth.of(Unicode.Scalar(0x0378)!) == nil)
        #expect(CellWidth.of("e\u{301}") == 1)
    }

    /// Clusters a cell cannot hold, or that terminals draw at different widths, are measured
    /// and drawn as their stand-in, so the width the layout uses is the width on screen.
    @Test(arguments: [
        ("👩\u{200D}👩\u{200D}👧", "👩", 2), ("🇫🇷", "FR", 2), ("🇫", "F", 1), ("❤\u{FE0F}", "❤", 1), ("👍🏽", "👍", 2),
        ("e\u{301}", "e\u{301}", 1), ("a\u{301}\u{302}\u{303}\u{304}\u{305}", "a\u{301}\u{302}\u{303}\u{304}", 1),
        ("漢", "漢", 2), ("é", "é", 1), ("\u{0378}", "\u{FFFD}", 1),
    ])
    func clustersAreDrawnAsAStandInOfTheirWidth(_ cluster: String, _ drawn: String, _ width: Int) throws {
        let character = try #require(cluster.first)
        #expect(CellWidth.of(character) == width)
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        #expect(buffer.put(character, x: 0, y: 0, style: .plain) == width)
        #expect(buffer.line(0).hasPrefix(drawn))
        if width == 2 && drawn.count == 1 { #expect(buffer[x: 1, y: 0].isContinuation) }
    }

    @Test func aRowWithEmojiSequencesKeepsItsColumns() {
        let prompt = "Family 👩‍👩‍👧 flag 🇫🇷 heart ❤️ café"
        var buffer = ScreenBuffer(size: Size(width: 40, height: 1))
        let used = buffer.put(prompt, x: 0, y: 0, style: .plain)
        #expect(used == CellWidth.of(prompt))
        #expect(buffer.line(0).hasPrefix("Family 👩 flag FR heart ❤ café"))
        #expect(buffer[x: 7, y: 0].symbol == "👩" && buffer[x: 8, y: 0].isContinuation && buffer[x: 9, y: 0].symbol == " ")
        for x in 0..<used {
            let symbol = buffer[x: x, y: 0].symbol
            #expect(symbol.unicodeScalars.count <= 5 && !symbol.unicodeScalars.contains("\u{200D}"), "cell \(x) fits a cchar_t")
        }
    }

    @Test func printableReplacesWhatWouldMoveTheCursor() {
        #expect(Printable.text("a\tb\u{1B}[2J") == "a→b␛[2J")
        #expect(Printable.text("x\ny") == "x↵y")
        #expect(Printable.text("\u{0378}") == "�")
        #expect(CellWidth.of(Printable.text("\u{301}")) == 1)
    }
}
