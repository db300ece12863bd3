import Testing
import UI

@Suite struct PromptEditorTests {
    @Test func editsAcrossLines() {
        var editor = PromptEditor(text: "Hello", chat: true)
        editor.insert("\n")
        for c in "world" { editor.insert(c) }
        #expect(editor.text == "Hello\nworld")
        editor.move(.home, rowWidth: 40)
        editor.backspace()
        #expect(editor.text == "Helloworld")
        editor.insert(" ")
        #expect(editor.text == "Hello world")
        editor.move(.up, rowWidth: 40)
        editor.move(.end, rowWidth: 40)
        editor.deleteForward()
        #expect(editor.text == "Hello world")
        editor.clear()
        #expect(editor.text.isEmpty && editor.chat)
    }

    @Test func cursorMovesWrapBetweenLines() {
        var editor = PromptEditor(text: "ab\ncd", chat: false)
        editor.move(.home, rowWidth: 40)
        editor.move(.left, rowWidth: 40)
        #expect(editor.row == 0 && editor.column == 2)
        editor.move(.right, rowWidth: 40)
        #expect(editor.row == 1 && editor.column == 0)
    }

    /// Up and down go by screen row of the wrapped text, keeping the cursor's column on screen.
    @Test func upAndDownMoveByWrappedRow() {
        var editor = PromptEditor(text: "aaaa bbbb cccc", chat: false)
        editor.move(.up, rowWidth: 6)
        #expect(editor.row == 0 && editor.column == 9)
        editor.move(.up, rowWidth: 6)
        #expect(editor.column == 4)
        editor.move(.up, rowWidth: 6)
        #expect(editor.column == 4, "the top row stays")
        editor.move(.down, rowWidth: 6)
        editor.move(.down, rowWidth: 6)
        #expect(editor.column == 14)
    }

    /// A prompt longer than a row wraps over the box's rows instead of scrolling sideways.
    @Test func aLongPromptWrapsOverTheBox() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        PromptEditorOverlay(editor: PromptEditor(text: String(repeating: "word ", count: 600), chat: false), chatAvailable: false)
            .render(into: &buffer, theme: .monochrome)
        let rows = (0..<24).map { buffer.line($0) }.filter { $0.contains("word") }
        #expect(rows.count == 13, "\(buffer.text)")
        let fullRow = "│ " + String(repeating: "word ", count: 11) + "  │"
        #expect(rows.dropLast().allSatisfy { $0.contains(fullRow) }, "rows break after the last word that fits: \(buffer.text)")
    }
}
