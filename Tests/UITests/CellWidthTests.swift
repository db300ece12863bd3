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

    @Test func printableReplacesWhatWouldMoveTheCursor() {
        #expect(Printable.text("a\tb\u{1B}[2J") == "a→b␛[2J")
        #expect(Printable.text("x\ny") == "x↵y")
        #expect(Printable.text("\u{0378}") == "�")
        #expect(CellWidth.of(Printable.text("\u{301}")) == 1)
    }
}
