import Foundation
import Decoding
import Inference

/// For constrained steps: how much of the vocabulary the constraint allowed (or, for adaptive
/// rejection, how few tokens it had to test instead of a full mask), the tokens it rejected
/// with their probabilities, the importance weight, ASAp's estimates, and finally the
/// distribution sampled after masking.
struct MaskView {
    var trace: MaskTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let width = rows.area.width
        rows.line(MaskView.coverage(trace, width: width), style: theme[.title], into: &buffer)
        if let weights = MaskView.weights(trace, width: width) { rows.line(weights, style: theme[.muted], into: &buffer) }
        let followers = (trace.alignment == nil ? 0 : 1) + (trace.distribution == nil ? 0 : 1)
        if !trace.tested.isEmpty {
            // The tested tokens share the pane with what follows them; alone they take it all.
            renderTested(into: &buffer, rows: &rows, limit: followers == 0 ? rows.remaining : max(2, rows.remaining / (followers + 1)), theme: theme)
        }
        if let alignment = trace.alignment {
            let limit = trace.distribution == nil ? rows.remaining : max(3, rows.remaining / 2)
            AlignmentView(trace: alignment, vocabulary: vocabulary).render(into: &buffer, rows: &rows, limit: limit, theme: theme)
        }
        if let distribution = trace.distribution {
            // Adaptive rejection draws its token by walking a random order, not by one uniform.
            let rejection = trace.allowedCount == nil && !trace.tested.isEmpty
            DistributionView(trace: distribution, vocabulary: vocabulary, drawnWithoutUniform: rejection ? "rejection" : "greedy")
                .render(into: &buffer, rows: &rows, theme: theme)
        }
    }

    /// "mask 312/49152 allowed (0.6%) · masked 0.420", or for a sampler that tests tokens one
    /// at a time "checked 3 of 49152 (no full mask)"; the masked mass and the parenthesis go
    /// first when narrow.
    static func coverage(_ trace: MaskTrace, width: Int = .max) -> String {
        var text: String
        if let allowed = trace.allowedCount {
            let fraction = Double(allowed) / Double(max(1, trace.vocabularySize))
            // A handful of tokens out of 49152 is not "0.0%".
            let share = fraction > 0 && fraction < 0.0005 ? "<0.1%" : Format.percent(fraction).trimmingCharacters(in: .whitespaces)
            text = "mask \(allowed)/\(trace.vocabularySize) allowed (\(share))"
        } else {
            text = "checked \(trace.tested.count) of \(trace.vocabularySize)"
            let explained = text + " (no full mask)"
            if CellWidth.of(explained) <= width { text = explained }
        }
        guard let masked = trace.maskedMass else { return text }
        let withMass = text + " · masked \(Format.fixed(masked, 3))"
        return CellWidth.of(withMass) <= width ? withMass : text
    }

    /// "log w -0.916 (w 0.400) · Σ log w -4.210" for strategies that weight their samples, or
    /// "log w -0.916 · Σ -4.210" when narrow.
    static func weights(_ trace: MaskTrace, width: Int = .max) -> String? {
        guard trace.stepLogWeight != nil || trace.cumulativeLogWeight != nil else { return nil }
        func parts(short: Bool) -> String {
            var parts: [String] = []
            if let step = trace.stepLogWeight { parts.append("log w \(Format.fixed(step, 3))" + (short ? "" : " (w \(Format.fixed(exp(step), 3)))")) }
            if let total = trace.cumulativeLogWeight { parts.append((short ? "Σ " : "Σ log w ") + Format.fixed(total, 3)) }
            return parts.joined(separator: " · ")
        }
        let full = parts(short: false)
        return CellWidth.of(full) <= width ? full : parts(short: true)
    }

    private func renderTested(into buffer: inout ScreenBuffer, rows: inout InspectorRows, limit: Int, theme: Theme) {
        let rejected = trace.tested.filter { !$0.allowed }
        let rejectedMass = rejected.reduce(0) { $0 + $1.probability }
        let rejection = "rejected \(rejected.count) (p \(Format.fixed(rejectedMass, 3)))"
        let counted = "tested \(trace.tested.count) · " + rejection
        rows.line(CellWidth.of(counted) <= rows.area.width ? counted : rejection, style: theme[.muted], into: &buffer)
        // Keep one row to say how many did not fit.
        let fits = trace.tested.count <= limit - 1 ? trace.tested.count : max(0, limit - 2)
        let labelWidth = min(14, max(6, rows.area.width - 12))
        for tested in trace.tested.prefix(fits) {
            let text = "\(tested.allowed ? "✓" : "✗") \(Format.pad(TokenText.label(tested.token, vocabulary: vocabulary), labelWidth)) p \(Format.fixed(tested.probability, 3))"
            guard rows.line(text, style: theme[tested.allowed ? .draftAccepted : .draftRejected], into: &buffer) else { return }
        }
        if fits < trace.tested.count {
            rows.line("  … \(trace.tested.count - fits) more tested", style: theme[.muted], into: &buffer)
        }
    }
}
