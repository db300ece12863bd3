import Decoding
import Engine
import Inference
import Testing
import UI

/// The `c` constraint picker and what loading a constraint does to the screen, with a
/// constrained strategy put first in the list (key 1) so the tests do not depend on the catalog.
@Suite struct ConstraintPickerTests {
    static let masked = StrategyDescriptor(name: "masked", family: .constrained, lossless: false, description: "token masking", parameters: [])
    static let files = ["samples/grammars/yes-no.gbnf", "samples/schemas/person.json"]
    static let person = ConstraintSpec(kind: .jsonSchema, source: "{}", origin: "samples/schemas/person.json")

    func state(size: Size = Size(width: 120, height: 40)) async throws -> AppState {
        var state = try await ToyRun.state(steps: 4, size: size)
        state.strategies.insert(ConstraintPickerTests.masked, at: 0)
        state.constraintFiles = ConstraintPickerTests.files
        return state
    }

    let maskedKey = Key.character("1")
    let greedyKey = Key.character("2")

    @Test func cOpensThePickerAndEnterLoadsTheHighlightedFile() async throws {
        var state = try await state()
        #expect(App.update(&state, .key(.character("c"))).isEmpty)
        guard case .constraintPicker(let picker) = state.overlay else {
            Issue.record("c must open the constraint picker")
            return
        }
        #expect(picker.choices == [.file(Self.files[0]), .file(Self.files[1]), .typePath, .none])
        #expect(picker.choice == .none, "the highlight starts on the current entry, none")
        for _ in 0..<2 { _ = App.update(&state, .key(.up)) }
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint(Self.files[1], thenStrategy: nil)])
        #expect(state.overlay != nil, "open until the constraint is in force")
        _ = App.update(&state, .constraintLoaded(Self.person, strategy: nil))
        #expect(state.overlay == nil)
    }

    /// A constraint that fails to load leaves the picker open with what was typed, so the
    /// next keys fix the path instead of acting on the main view.
    @Test func aConstraintThatFailsToLoadKeepsThePickerOpen() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("c")))
        for c in "nope.gbnf" { _ = App.update(&state, .key(.character(c))) }
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint("nope.gbnf", thenStrategy: nil)])
        _ = App.update(&state, .notice("nope.gbnf: cannot read the file: there is no such file", isError: true))
        guard case .constraintPicker(let picker) = state.overlay else {
            Issue.record("the picker closed on a failed load")
            return
        }
        #expect(picker.typed == "nope.gbnf")
        #expect(App.update(&state, .key(.character("s"))).isEmpty, "s is typed, not a strategy switch")
        guard case .constraintPicker(let after) = state.overlay else { return }
        #expect(after.typed == "nope.gbnfs")
    }

    @Test func aTypedPathOrRegexIsLoadedAsTyped() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("c")))
        _ = App.update(&state, .key(.up))
        _ = App.update(&state, .key(.enter))
        for c in "q/x.gbnf" { _ = App.update(&state, .key(.character(c))) }
        #expect(!state.quitting, "q is text while typing")
        _ = App.update(&state, .key(.backspace))
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint("q/x.gbn", thenStrategy: nil)])
        _ = App.update(&state, .constraintLoaded(Self.person, strategy: nil))

        _ = App.update(&state, .key(.character("c")))
        _ = App.update(&state, .key(.character("/")))
        for c in "yes|no/" { _ = App.update(&state, .key(.character(c))) }
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint("/yes|no/", thenStrategy: nil)])
    }

    /// Typing a path straight away (no Enter on "type a file path" first) starts the field with
    /// that key: `q` is the path's first letter, not quit, and `j` or `k` not a move.
    @Test(arguments: ["queries.gbnf", "json.gbnf", "k.gbnf"])
    func typingInTheListStartsThePath(path: String) async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("c")))
        for c in path { _ = App.update(&state, .key(.character(c))) }
        #expect(!state.quitting)
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint(path, thenStrategy: nil)])
    }

    /// Started away from the samples, the picker has no file to offer: it says where it
    /// looked and that a path can be typed; with files listed it has no such lines.
    @Test func aPickerWithoutSamplesSaysWhereItLooked() async throws {
        var state = try await state(size: Size(width: 80, height: 24))
        state.constraintSearch = "/tmp/x, /opt/bin or a folder above it"
        _ = App.update(&state, .key(.character("c")))
        #expect(!App.render(state).text.contains("no sample files found"))
        _ = App.update(&state, .key(.escape))
        state.constraintFiles = []
        _ = App.update(&state, .key(.character("c")))
        let frame = App.render(state).text
        #expect(frame.contains("│ no sample files found: looked for samples/ in "), "\(frame)")
        #expect(frame.contains("│ /tmp/x, /opt/bin or a folder above it "))
        #expect(frame.contains("a file path or /regex/ can be typed instead"))
    }

    @Test func ctrlNAndCtrlPMoveTheHighlight() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("c")))
        for _ in 0..<3 { _ = App.update(&state, .key(.control("p"))) }
        _ = App.update(&state, .key(.control("n")))
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint(Self.files[1], thenStrategy: nil)])
    }

    /// A loaded file is highlighted when the picker opens, as "none" is without a constraint.
    @Test func theHighlightStartsOnTheConstraintInUse() async throws {
        var state = try await state()
        state.configuration.parameters.constraint = Self.person
        _ = App.update(&state, .key(.character("c")))
        guard case .constraintPicker(let picker) = state.overlay else {
            Issue.record("c must open the constraint picker")
            return
        }
        #expect(picker.choice == .file(Self.files[1]))
    }

    /// "//" is the root directory as a path, but typed here it is a regex without a pattern.
    @Test func anEmptyRegexIsNamedAsSuch() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("c")))
        for c in "//" { _ = App.update(&state, .key(.character(c))) }
        #expect(App.update(&state, .key(.enter)).isEmpty)
        #expect(state.notice?.text.hasPrefix("empty regex") == true && state.notice?.isError == true)
        guard case .constraintPicker(let picker) = state.overlay else {
            Issue.record("the field stays open to fix the regex")
            return
        }
        #expect(picker.typed == "//")
    }

    @Test func escapeLeavesTypingThenThePicker() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("c")))
        _ = App.update(&state, .key(.character("/")))
        _ = App.update(&state, .key(.escape))
        guard case .constraintPicker(let picker) = state.overlay else {
            Issue.record("Esc while typing goes back to the list")
            return
        }
        #expect(picker.typed == nil)
        #expect(App.update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func aLoadedConstraintIsNamedAndTheConstrainedKeysSuggested() async throws {
        var state = try await state()
        _ = App.update(&state, .constraintLoaded(Self.person, strategy: nil))
        #expect(state.configuration.parameters.constraint == Self.person)
        #expect(state.notice?.text.hasPrefix("constraint loaded: person.json (json-schema) — pick a constrained strategy (keys 1") == true)
        // Unused, it is the first part to shorten: at 120 columns beside the sampler's chain
        // it reads "⊨ (unused)"; wider, it is named.
        #expect(App.render(state).line(0).contains("⊨ (unused)"))
        state.size = Size(width: 160, height: 40)
        #expect(App.render(state).line(0).contains("⊨ person.json (unused)"))
        state.size = Size(width: 120, height: 40)
        #expect(App.update(&state, .key(maskedKey)) == [.switchStrategy("masked")])
        #expect(App.render(state).line(0).contains("⊨ person.json │"), "the constrained strategy uses it")
    }

    @Test func aConstrainedStrategyWithoutAConstraintAsksForOneFirst() async throws {
        var state = try await state()
        let before = state.configuration.strategy
        #expect(App.update(&state, .key(maskedKey)).isEmpty)
        #expect(state.configuration.strategy == before)
        #expect(state.notice?.text.hasPrefix("masked needs a constraint") == true)
        guard case .constraintPicker(let picker) = state.overlay else {
            Issue.record("picking a constrained strategy without a constraint opens the picker")
            return
        }
        #expect(picker.thenStrategy == "masked")
        #expect(App.update(&state, .key(.escape)).isEmpty)
        #expect(state.configuration.strategy == before, "Esc keeps the strategy")
        _ = App.update(&state, .key(maskedKey))
        #expect(App.update(&state, .key(.enter)) == [.loadConstraint(Self.files[0], thenStrategy: "masked")])
        _ = App.update(&state, .constraintLoaded(ConstraintSpec(kind: .gbnf, source: "root ::= \"yes\"", origin: Self.files[0]), strategy: "masked"))
        #expect(state.configuration.strategy == "masked")
        #expect(state.notice?.text == "constraint yes-no.gbnf (gbnf) — masked from the prompt, same seed")
    }

    /// A constraint loaded with warnings (a grammar rule defined twice) says so first on the
    /// notice line, and for longer than a plain notice.
    @Test func aConstraintsWarningsLeadItsNotice() async throws {
        var state = try await state()
        let twice = ConstraintSpec(kind: .gbnf, source: "root ::= a\na ::= \"x\"\na ::= \"y\"\n", origin: "twice.gbnf")
        let warnings = try twice.warnings()
        #expect(warnings == ["rule 'a' is defined on line 2 and again on line 3; the later definition is used"])
        _ = App.update(&state, .constraintLoaded(twice, strategy: nil, warnings: warnings + ["another"]))
        #expect(state.notice?.text == "warning: \(warnings[0]) (+1 more) — constraint loaded: twice.gbnf (gbnf) — pick a constrained strategy (keys 1, m or s)",
                "\(state.notice?.text ?? "")")
        #expect((state.notice?.expiresAtFrame ?? 0) > Notice(text: "", from: state.frame).expiresAtFrame)
    }

    @Test func cyclingPassesOverConstrainedStrategiesUntilAConstraintIsLoaded() async throws {
        var state = try await state()
        _ = App.update(&state, .key(greedyKey))
        #expect(App.update(&state, .key(.character("S"))) != [.switchStrategy("masked")])
        _ = App.update(&state, .key(greedyKey))
        state.configuration.parameters.constraint = Self.person
        #expect(App.update(&state, .key(.character("S"))) == [.switchStrategy("masked")])
    }

    @Test func noneClearsTheConstraintUnlessTheStrategyNeedsIt() async throws {
        var state = try await state()
        state.configuration.parameters.constraint = Self.person
        _ = App.update(&state, .key(.character("c")))
        for _ in 0..<5 { _ = App.update(&state, .key(.down)) }
        #expect(App.update(&state, .key(.enter)) == [.setConstraint(nil, thenStrategy: nil)])
        state.configuration.strategy = "masked"
        _ = App.update(&state, .key(.character("c")))
        for _ in 0..<5 { _ = App.update(&state, .key(.down)) }
        #expect(App.update(&state, .key(.enter)).isEmpty)
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text == "masked needs a constraint: switch to another strategy first")
    }

    @Test func pickerAt80x24() async throws {
        var state = try await state(size: Size(width: 80, height: 24))
        state.configuration.parameters.constraint = Self.person
        _ = App.update(&state, .key(maskedKey))
        _ = App.update(&state, .key(.character("c")))
        _ = App.update(&state, .key(.character("/")))
        for c in "[a-z]+/" { _ = App.update(&state, .key(.character(c))) }
        let frame = App.render(state)
        assertSnapshot(frame, named: "constraint-picker-80x24")
        #expect(frame.text.contains("● samples/schemas/person.json  (json-schema)"))
        #expect(frame.text.contains("path or /regex/: /[a-z]+/"))
    }

    /// The highlighted strategy shows without colour: pointed at and reversed in monochrome.
    @Test func theStrategyMenuMarksTheHighlightedRowInMonochrome() async throws {
        var state = try await state(size: Size(width: 80, height: 24))
        #expect(state.theme == .monochrome)
        _ = App.update(&state, .key(.character("m")))
        _ = App.update(&state, .key(.down))
        let frame = App.render(state)
        let rows = (0..<24).map(frame.line).filter { $0.contains("▸") }
        #expect(rows.count == 1 && rows.first?.contains("│▸  4  beam") == true, "\(rows)")
        let y = try #require((0..<24).first { frame.line($0).contains("▸  4") })
        let x = try #require((0..<80).first { frame[x: $0, y: y].symbol == "4" })
        #expect(frame[x: x, y: y].style.reverse)
    }

    @Test func theStrategyMenuScrollsToStrategiesBeyondTheScreen() async throws {
        var state = try await state(size: Size(width: 80, height: 24))
        let extra = (1...20).map { StrategyDescriptor(name: "extra-\($0)", family: .constrained, lossless: false, description: "d", parameters: []) }
        state.strategies += extra
        _ = App.update(&state, .key(.character("m")))
        for _ in 0..<(state.strategies.count - 1) { _ = App.update(&state, .key(.down)) }
        let frame = App.render(state).text
        #expect(frame.contains("extra-20"), "the highlighted last strategy is in view")
        #expect(!frame.contains("   1  masked"), "the top scrolled away")
        #expect(frame.contains("↑"))
    }
}
