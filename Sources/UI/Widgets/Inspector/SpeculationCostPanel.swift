import Decoding
import Engine

/// The speculative run's economics under the draft tree: acceptance overall and per draft
/// position, MAT and tokens/s, the measured verify cost of this round's size and the
/// break-even MAT above which the drafter beats plain decoding on this machine.
struct SpeculationCostPanel: Sendable {
    var statistics: SpeculationStatistics
    /// The run's totals: its MAT is the tokens per target pass `generate` and `bench` report
    /// (the prompt's pass counted, as is the token read from its logits).
    var run: EngineStats
    /// The runtime's T(n) curve, measured once after start-up.
    var verifyCost: VerifyCostStatus
    /// Drafted tokens of the round on screen.
    var draftSize: Int

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let mat = run.tokensPerEvaluation
        rows.line("MAT \(Format.fixed(mat, 2)) · \(Format.fixed(run.tokensPerSecond, 1)) tok/s", style: theme[.title], into: &buffer)
        // Counts, not one rate: drafts the walk never reached are neither accepted nor rejected.
        rows.line("drafts \(statistics.drafted), tested \(statistics.tested), accepted \(statistics.accepted)", style: theme[.muted], into: &buffer)
        let positions = statistics.positionAcceptance.prefix(8).enumerated().map { "\($0.offset + 1):\(Format.fixed($0.element, 2))" }
        if !positions.isEmpty { rows.line("per position " + positions.joined(separator: " "), style: theme[.muted], into: &buffer) }
        let verify = "T(\(draftSize + 1))/T(1)"
        guard case .measured(let verifyCost) = verifyCost else {
            rows.line("\(verify) \(unmeasured)", style: theme[.muted], into: &buffer)
            return
        }
        guard draftSize > 0 else {
            rows.line("no draft this round: a plain step", style: theme[.muted], into: &buffer)
            return
        }
        guard let cost = SpeculationCost(statistics: statistics, verifyCost: verifyCost, draftSize: draftSize) else {
            rows.line("\(verify) \(verifyCost.ratio(draftSize + 1).map { Format.fixed($0, 2) } ?? "—") · no rounds yet", style: theme[.muted], into: &buffer)
            return
        }
        let (perRound, perDraft) = (Format.fixed(cost.perRound, 2), Format.fixed(cost.perDraftedToken, 2))
        // All three in units of T(1), so they add up to the break-even MAT below; short enough
        // for the inspector at 120 columns.
        rows.line("\(verify) \(Format.fixed(cost.verifyRatio, 2)) + \(perRound)/round + \(perDraft)/draft", style: theme[.muted], into: &buffer)
        let pays = mat > cost.breakEven
        rows.line("break-even MAT \(Format.fixed(cost.breakEven, 2)) = \(Format.fixed(cost.verifyRatio, 2))+\(perRound)+\(draftSize)×\(perDraft): \(pays ? "pays" : "loses")",
                  style: theme[pays ? .draftAccepted : .draftRejected], into: &buffer)
        if !verifyCost.isMonotone {
            rows.line("timing noisy (busy cores): more tokens measured faster than fewer", style: theme[.muted], into: &buffer)
        }
    }

    /// The speedup no drafter can beat on this machine (the verify curve, not the drafts, sets
    /// it), on one row: drawn under the draft table, where it takes no row the table needs.
    func renderCeiling(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        guard case .measured(let verifyCost) = verifyCost, let ceiling = verifyCost.ceiling else { return }
        let text = "ceiling \(Format.fixed(ceiling.speedup, 2))× with perfect drafts"
        if InspectorRows.wrapped(text, width: rows.area.width).count <= rows.remaining {
            rows.line(text, style: theme[.muted], into: &buffer)
        }
    }

    /// What the panel says while it has no curve.
    private var unmeasured: String {
        switch verifyCost {
        case .measuring: "measuring…"
        case .failed(let message): "not measured: \(message)"
        case .notMeasured, .measured: "not measured"
        }
    }
}
