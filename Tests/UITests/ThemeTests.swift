import Foundation
import TestSupport
import Testing
import UI

@Suite struct ThemeTests {
    let library = ThemeLibrary(directories: [GoldenData.repositoryRoot.appendingPathComponent("Themes")])

    @Test func shipsTheFourRequiredThemes() {
        #expect(Set(["dark", "light", "high-contrast", "monochrome"]).isSubset(of: Set(library.names)))
    }

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func everyShippedThemeLoads(_ name: String) throws {
        let theme = try library.load(name)
        #expect(theme.name == name)
        // Lens levels must stay distinguishable in every theme.
        let scale = (0...4).map { theme[Theme.scaleRole($0)] }
        #expect(Set(scale).count == 5)
    }

    /// The source lens must tell grammar-forced tokens from sampled and greedy ones.
    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func grammarForcedTokensStandOut(_ name: String) throws {
        let theme = try library.load(name)
        #expect(theme[.grammarForced] != theme[.sampled])
        #expect(theme[.grammarForced] != theme[.greedy])
    }

    @Test func darkThemeResolvesPaletteReferences() throws {
        let dark = try library.load("dark")
        #expect(dark[.title].foreground == .indexed(75))
        #expect(dark[.title].bold)
        #expect(dark[.cursor].background == .indexed(252))
    }

    @Test func monochromeHasNoColourAnywhere() throws {
        let mono = try library.load("monochrome")
        for role in ThemeRole.allCases {
            #expect(mono[role].foreground == .terminalDefault && mono[role].background == .terminalDefault, "\(role)")
        }
    }

    @Test func noColorSelectsMonochromeUnlessAThemeIsNamed() throws {
        #expect(try library.initial(requested: nil, environment: ["NO_COLOR": "1"]).name == "monochrome")
        #expect(try library.initial(requested: nil, environment: [:]).name == "dark")
        #expect(try library.initial(requested: "light", environment: ["NO_COLOR": "1"]).name == "light")
    }

    @Test func terminalsWithFewColoursGetThemesMadeForThem() throws {
        #expect(try library.initial(requested: nil, colorDepth: .ansi8, environment: [:]).name == "high-contrast")
        #expect(try library.initial(requested: nil, colorDepth: .monochrome, environment: [:]).name == "monochrome")
        #expect(try library.initial(requested: "light", colorDepth: .ansi8, environment: [:]).name == "light")
        // high-contrast uses only the eight ANSI colours, so nothing degrades.
        let contrast = try library.load("high-contrast")
        for role in ThemeRole.allCases {
            for color in [contrast[role].foreground, contrast[role].background] {
                #expect(ColorDepth.ansi8.number(for: color) == ColorDepth.indexed256.number(for: color), "\(role)")
            }
        }
    }

    @Test func errorsNameTheFileAndTheFault() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(String, String, String)] = [
            ("role", #"{ "name": "x", "styles": { "titel": { "bold": true } } }"#, "unknown style role 'titel'"),
            ("palette", #"{ "name": "x", "styles": { "title": { "fg": "@nope" } } }"#, "'@nope' is not in the palette"),
            ("colour", ##"{ "name": "x", "styles": { "title": { "fg": "#zz0000" } } }"##, "'#zz0000' is not a colour"),
            ("syntax", #"{ "name": "x", "styles": { "#, "not valid JSON"),
        ]
        for (name, text, message) in cases {
            let file = directory.appendingPathComponent(name + ".json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            #expect {
                try ThemeLibrary(directories: [directory]).load(name)
            } throws: { error in
                let description = "\(error)"
                return description.contains(file.path) && description.contains(message)
            }
        }
        #expect(throws: ThemeError.self) { try library.load("no-such-theme") }
    }

    @Test func commentsAndTrailingCommasAreAccepted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        // a comment
        { name: "tiny", palette: { ink: "#000000", }, styles: { footer: { fg: "@ink", bg: "white", }, }, }
        """.write(to: directory.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        let theme = try ThemeLibrary(directories: [directory]).load("tiny")
        #expect(theme[.footer] == Style(foreground: .rgb(0, 0, 0), background: .indexed(7)))
        #expect(theme[.title] == Theme.monochrome[.title])
    }
}
