import Decoding
import Testing
import UI

/// What the header keeps when room runs out, and that it keeps it steadily while the run counts.
@Suite struct HeaderBarTests {
    static let person = ConstraintSpec(kind: .jsonSchema, source: "{}", origin: "samples/schemas/person.json")

    func state(_ strategy: String = "speculative-tree") async throws -> AppState {
        try await ToyRun.state(strategy: strategy, steps: 1, seed: 42, maxNewTokens: 256, size: Size(width: 120, height: 40))
    }

    func header(_ state: AppState, width: Int) -> String {
        var buffer = ScreenBuffer(size: Size(width: width, height: 1))
        HeaderBar(state: state).render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: 1), theme: .monochrome)
        return buffer.line(0)
    }

    /// The left side is laid out for the widest count, so `3/256` and `11/256` show the same parts.
    @Test func thePartsShownDoNotDependOnTheCount() async throws {
        var state = try await state()
        for width in 60...120 {
            let lefts = [3, 11, 256].map { count in
                state.stats.generatedTokens = count
                return header(state, width: width).components(separatedBy: "⏸")[0].trimmingCharacters(in: .whitespaces)
            }
            #expect(Set(lefts).count == 1, "width \(width): \(lefts)")
        }
    }

    @Test func anUnusedConstraintMakesRoomFirst() async throws {
        var state = try await state()
        state.configuration.parameters.constraint = Self.person
        let wide = header(state, width: 200)
        #expect(wide.contains("⊨ person.json (unused)") && wide.contains("seed 42"), "\(wide)")
        let line = header(state, width: 110)
        #expect(line.contains("seed 42") && line.contains("T 0.80 exit 24 width 2 depth 3"), "\(line)")
        #expect(!line.contains("person.json"), "\(line)")
    }

    /// When the whole parameter list does not fit, its first ones are shown rather than none.
    /// Room is kept for the widest status and a four-digit speed, so what fits at the first
    /// frame still fits when the run finishes.
    @Test func aNarrowHeaderShowsTheParametersThatFit() async throws {
        let state = try await state()
        #expect(header(state, width: 95).hasPrefix(" [6] speculative-tree │ T 0.80 exit 24 width 2 depth 3 "))
        let line = header(state, width: 80)
        #expect(line.hasPrefix(" [6] speculative-tree │ T 0.80 exit 24 "), "\(line)")
        #expect(!line.contains("depth"), "\(line)")
    }

    /// The parts shown stay while the run starts, measures its speed and finishes.
    @Test func thePartsShownDoNotDependOnTheStatusOrTheSpeed() async throws {
        var state = try await state()
        for width in 60...120 {
            var lefts: Set<String> = []
            for (status, speed) in [(RunStatus.starting, 0.0), (.running, 87.5), (.paused, 135.7), (.finished(.contextFull), 135.7)] {
                state.status = status
                state.stats.decodeSeconds = speed > 0 ? 1 : 0
                state.stats.generatedTokens = Int(speed)
                lefts.insert(String(header(state, width: width).prefix(while: { $0 != "◌" && $0 != "▶" && $0 != "⏸" && $0 != "■" }))
                    .trimmingCharacters(in: .whitespaces))
            }
            #expect(lefts.count == 1, "width \(width): \(lefts)")
        }
    }

    /// A parameter list cut short for room ends with "…"; the whole list has none.
    @Test func aCutParameterListEndsWithAnEllipsis() async throws {
        let state = try await state()
        let whole = header(state, width: 100)
        #expect(whole.hasPrefix(" [6] speculative-tree │ T 0.80 exit 24 width 2 depth 3 ") && !whole.contains("…"), "\(whole)")
        #expect(header(state, width: 90).hasPrefix(" [6] speculative-tree │ T 0.80 exit 24 width 2 … "))
        #expect(header(state, width: 80).hasPrefix(" [6] speculative-tree │ T 0.80 exit 24 … "))
    }

    /// SMC's proposal is a choice of method, not a switch: it is named by the method.
    @Test func smcNamesItsProposalMethod() async throws {
        var state = try await state()
        state.configuration.strategy = "smc"
        let masking = header(state, width: 200)
        #expect(masking.contains("T 0.80 N 4 τ 0.50 proposal mask │") && !masking.contains("no-proposal"), "\(masking)")
        state.configuration.parameters.set("proposal", to: 1)
        state.configuration.parameters.set("estimator", to: 2)
        let awrs = header(state, width: 200)
        #expect(awrs.contains("T 0.80 N 4 τ 0.50 proposal awrs est geometric │"), "\(awrs)")
    }

    @Test func switchesAndSamplerSettingsOffTheirDefaultsAreShown() async throws {
        var state = try await state()
        #expect(!header(state, width: 200).contains("k-seq"))
        state.configuration.parameters.set("k-seq", to: 1)
        state.configuration.parameters.set("min-p", to: 0.1)
        let line = header(state, width: 200)
        #expect(line.contains("T 0.80 exit 24 width 2 depth 3 min-p 0.10 k-seq"), "\(line)")
        let sampling = header(try await self.state("sampling"), width: 200)
        #expect(sampling.contains("T 0.80 k 40 p 0.95 min-p 0.05 │"), "the default chain in full: \(sampling)")
    }
}
