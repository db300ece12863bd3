import Testing
@testable import UI

/// Inspector lines wider than the inspector continue on the next rows, broken after their
/// " · " separators, so the numbers at their ends stay readable at 80 columns.
@Suite struct InspectorRowsTests {
    @Test func aLongLineBreaksAfterItsSeparators() {
        let line = "+1 token · 1 target pass · 2 draft · 42.9 ms · resampled p 0.196"
        #expect(InspectorRows.wrapped(line, width: 34) == ["+1 token · 1 target pass · 2 draft", "  42.9 ms · resampled p 0.196"])
        #expect(InspectorRows.wrapped(line, width: 26) == ["+1 token · 1 target pass", "  2 draft · 42.9 ms", "  resampled p 0.196"])
        #expect(InspectorRows.wrapped(line, width: 80) == [line])
        #expect(InspectorRows.wrapped("T(10)/T(1) 4.58 + 1.30/round + 0.36/draft", width: 34) == ["T(10)/T(1) 4.58 + 1.30/round +", "  0.36/draft"])
        #expect(InspectorRows.wrapped("    residual: ␣which 0.20  ␣often 0.13", width: 34) == ["    residual: ␣which 0.20", "  ␣often 0.13"])
        #expect(InspectorRows.wrapped("unbreakable-word-longer-than-a-row", width: 10) == ["unbreakable-word-longer-than-a-row"])
    }

    @Test func wrappedRowsAreWrittenAndCountedUntilTheAreaIsFull() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 2), fill: Cell(symbol: " ", style: Theme.monochrome[.base]))
        var rows = InspectorRows(area: Rect(x: 0, y: 0, width: 20, height: 2))
        #expect(rows.line("MAT 1.60 · 21.7 tok/s · accepted 50%", style: Theme.monochrome[.base], into: &buffer) == false)
        #expect(buffer.line(0).hasPrefix("MAT 1.60 ") && !buffer.line(0).contains("tok/s"))
        #expect(buffer.line(1).hasPrefix("  21.7 tok/s"))
    }
}
