import Testing
import UI

@Suite struct KeymapTests {
    let keymap = Keymap.standard

    @Test func noKeyIsBoundTwice() {
        #expect(keymap.duplicateKeys.isEmpty, "duplicates: \(keymap.duplicateKeys)")
    }

    @Test func helpListsEveryBinding() {
        let lines = HelpOverlay(keymap: keymap).lines
        for binding in keymap.bindings {
            #expect(lines.contains { $0.keys == binding.label && $0.text == binding.help }, "\(binding.label) missing from help")
        }
    }

    @Test func renderedHelpShowsEveryBindingAt80x24() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        HelpOverlay(keymap: keymap).render(into: &buffer, theme: .monochrome)
        let screen = buffer.text
        for binding in keymap.bindings {
            #expect(screen.contains(binding.help.prefix(20)), "\(binding.help) not visible")
        }
    }

    @Test func designKeysDispatchAsDocumented() {
        let expected: [(Key, Action)] = [
            (.character("?"), .help), (.function(1), .help), (.character("q"), .quit), (.control("c"), .interrupt),
            (.character(" "), .togglePause), (.character("."), .step), (.character("3"), .pickStrategy(3)),
            (.character("s"), .nextStrategy), (.character("S"), .previousStrategy), (.character("r"), .restart),
            (.character("R"), .newSeed), (.character("e"), .editPrompt), (.character("c"), .constraint), (.character("l"), .nextLens),
            (.character("t"), .temperature(up: false)), (.character("T"), .temperature(up: true)),
            (.character("p"), .topP(up: false)), (.character("P"), .topP(up: true)),
            (.left, .cursorLeft), (.character("h"), .cursorLeft), (.right, .cursorRight), (.character("j"), .cursorDown),
            (.character("k"), .cursorUp), (.tab, .focusNext), (.enter, .zoom), (.character("w"), .writeTrace),
        ]
        for (key, action) in expected {
            #expect(keymap.action(for: key) == action, "\(key)")
        }
    }

    @Test func footerShowsHintsFromTheSameTable() {
        var buffer = ScreenBuffer(size: Size(width: 120, height: 1))
        FooterBar(keymap: keymap, notice: nil).render(into: &buffer, area: Rect(x: 0, y: 0, width: 120, height: 1), theme: .monochrome)
        for binding in keymap.bindings {
            guard let hint = binding.hint else { continue }
            #expect(buffer.line(0).contains(hint))
        }
    }
}
