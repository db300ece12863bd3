import Testing
import UI

@Suite struct ColorDepthTests {
    @Test func parsesEveryThemeColourForm() {
        #expect(Color(name: "default") == .terminalDefault)
        #expect(Color(name: "Red") == .indexed(1))
        #expect(Color(name: "brightwhite") == .indexed(15))
        #expect(Color(name: "color244") == .indexed(244))
        #expect(Color(name: "17") == .indexed(17))
        #expect(Color(name: "#ffb000") == .rgb(0xFF, 0xB0, 0x00))
        #expect(Color(name: "color256") == nil)
        #expect(Color(name: "#12345") == nil)
        #expect(Color(name: "purple") == nil)
    }

    @Test func rgbMapsToTheXtermCubeOrGreyRamp() {
        let full = ColorDepth.indexed256
        #expect(full.number(for: .rgb(255, 0, 0)) == 196)
        #expect(full.number(for: .rgb(0x5F, 0x87, 0xAF)) == 67)
        #expect(full.number(for: .rgb(128, 128, 128)) == 244)
        #expect(full.number(for: .terminalDefault) == -1)
        #expect(full.number(for: .indexed(214)) == 214)
    }

    @Test func indexedColoursDegradeToTheNearestAnsiOnes() {
        #expect(ColorDepth.ansi8.number(for: .indexed(196)) == 1)
        #expect(ColorDepth.ansi16.number(for: .indexed(196)) == 9)
        #expect(ColorDepth.ansi8.number(for: .indexed(9)) == 1)
        #expect(ColorDepth.ansi8.number(for: .indexed(46)) == 2)
        #expect(ColorDepth.ansi8.number(for: .indexed(231)) == 7)
        #expect(ColorDepth.ansi8.number(for: .rgb(0, 0, 0)) == 0)
        #expect(ColorDepth.monochrome.number(for: .indexed(1)) == nil)
    }

    @Test func depthFromColourCount() {
        #expect(ColorDepth(colorCount: 256) == .indexed256)
        #expect(ColorDepth(colorCount: 16_777_216) == .indexed256)
        #expect(ColorDepth(colorCount: 16) == .ansi16)
        #expect(ColorDepth(colorCount: 8) == .ansi8)
        #expect(ColorDepth(colorCount: 0) == .monochrome)
    }
}
