import Decoding
import Inference

/// For grammar-aligned decoding (ASAp): the trie's expected-future-grammaticality estimate of
/// the prefix, and for the leading choices the model's raw p, the child's estimate ẼFG and the
/// adjusted q ∝ p·ẼFG that was sampled, the chosen token marked.
struct AlignmentView {
    var trace: AlignmentTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, limit: Int, theme: Theme) {
        guard limit > 0 else { return }
        rows.line("ASAp sample \(trace.iteration + 1) · ẼFG(prefix) \(Format.fixed(trace.prefixEstimate, 3))", style: theme[.title], into: &buffer)
        guard limit > 2 else { return }
        let labelWidth = min(14, max(5, rows.area.width - 23))
        rows.line("  \(Format.pad("token", labelWidth)) \(Format.padLeft("raw p", 6)) \(Format.padLeft("ẼFG", 6)) \(Format.padLeft("q", 6))",
                  style: theme[.muted], into: &buffer)
        for choice in shown(count: limit - 2) {
            let chosen = choice.token == trace.chosen
            let text = "\(chosen ? "▸" : " ") \(Format.pad(TokenText.label(choice.token, vocabulary: vocabulary), labelWidth))"
                + " \(Format.padLeft(Format.fixed(choice.rawProbability, 3), 6)) \(Format.padLeft(Format.fixed(choice.estimate, 3), 6))"
                + " \(Format.padLeft(Format.fixed(choice.adjustedProbability, 3), 6))"
            guard rows.line(text, style: theme[chosen ? .title : .base], into: &buffer) else { return }
        }
    }

    /// The first `count` choices, with the chosen one swapped in last if it ranks lower.
    private func shown(count: Int) -> [AlignmentTrace.Choice] {
        var choices = Array(trace.choices.prefix(count))
        if !choices.isEmpty, !choices.contains(where: { $0.token == trace.chosen }),
           let chosen = trace.choices.first(where: { $0.token == trace.chosen }) {
            choices[choices.count - 1] = chosen
        }
        return choices
    }
}
