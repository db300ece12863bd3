import Testing
import UI

@Suite struct PromptEditorTests {
    @Test func editsAcrossLines() {
        var editor = PromptEditor(text: "Hello", chat: true)
        editor.insert("\n")
        for c in "world" { editor.insert(c) }
        #expect(editor.text == "Hello\nworld")
        editor.move(.home)
        editor.backspace()
        #expect(editor.text == "Helloworld")
        editor.insert(" ")
        #expect(editor.text == "Hello world")
        editor.move(.up)
        editor.move(.end)
        editor.deleteForward()
        #expect(editor.text == "Hello world")
        editor.clear()
        #expect(editor.text.isEmpty && editor.chat)
    }

    @Test func cursorMovesWrapBetweenLines() {
        var editor = PromptEditor(text: "ab\ncd", chat: false)
        editor.move(.home)
        editor.move(.left)
        #expect(editor.row == 0 && editor.column == 2)
        editor.move(.right)
        #expect(editor.row == 1 && editor.column == 0)
    }
}
