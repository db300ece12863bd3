import Decoding
import Inference

/// The selected step, explained with the view its payload calls for.
public struct InspectorPane: Widget {
    public var step: StepTrace?
    /// The token the cursor is on, when browsing.
    public var selected: TokenEntry?
    public var vocabulary: any Vocabulary
    public var focused: Bool
    /// The run's speculation economics, shown with draft trees.
    var cost: SpeculationCostPanel?
    /// Prompt tokens being read before the first step, when a run is under way: a long prompt
    /// takes seconds, and the pane says what is happening instead of waiting silently.
    var readingPrompt: Int?

    public init(step: StepTrace?, selected: TokenEntry?, vocabulary: any Vocabulary, focused: Bool) {
        self.step = step
        self.selected = selected
        self.vocabulary = vocabulary
        self.focused = focused
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let badge = step.map { "step \($0.index + 1)" } ?? ""
        Panel(title: "Inspector", focused: focused, badge: badge).render(into: &buffer, area: area, theme: theme)
        var rows = InspectorRows(area: Panel.inner(area))
        guard let step else {
            let waiting = readingPrompt.map { "Reading the prompt (\($0) token\($0 == 1 ? "" : "s")); the first step follows." }
            rows.line(waiting ?? "No step yet: the first token's distribution will appear here.", style: theme[.muted], into: &buffer)
            return
        }
        rows.line(summary(of: step), style: theme[.muted], into: &buffer)
        switch step.payload {
        case .distribution(let trace): DistributionView(trace: trace, vocabulary: vocabulary).render(into: &buffer, rows: &rows, theme: theme)
        case .beams(let trace): BeamsView(trace: trace, vocabulary: vocabulary).render(into: &buffer, rows: &rows, theme: theme)
        case .draftTree(let trace):
            let corrections = step.tokens.filter { $0.source != .draftAccepted && $0.source != .draftRejected }
            var roundCost = cost
            roundCost?.draftSize = trace.nodes.count
            DraftTreeView(trace: trace, corrections: corrections, vocabulary: vocabulary, cost: roundCost).render(into: &buffer, rows: &rows, theme: theme)
        case .mask(let trace): MaskView(trace: trace, vocabulary: vocabulary).render(into: &buffer, rows: &rows, theme: theme)
        case .particles(let trace): ParticlesView(trace: trace, vocabulary: vocabulary).render(into: &buffer, rows: &rows, theme: theme)
        }
    }

    private func summary(of step: StepTrace) -> String {
        let committed = step.committedTokens.count
        // A step without a pass of its own read its token from the prompt's pass (the first
        // step), or committed what an earlier pass had verified.
        let passes = step.targetEvaluations == 0 ? (step.index == 0 ? "from the prompt's pass" : "no pass of its own")
            : Format.count(step.targetEvaluations, "target pass", plural: "target passes")
        var text = "+\(Format.count(committed, "token")) · \(passes)"
        if step.draftEvaluations > 0 { text += " · \(step.draftEvaluations) draft" }
        if step.seconds > 0 { text += " · \(Format.fixed(step.seconds * 1000, 1)) ms" }
        if let selected {
            text += " · \(selected.traced.source.words)"
            if let p = selected.traced.probability { text += " p \(Format.fixed(p, 3))" }
        }
        return text
    }
}
