import Foundation
import Decoding
import Inference

/// For constrained steps: how much the constraint allowed, the tokens tested one by one (AWRS),
/// and the distribution sampled after masking.
struct MaskView {
    var trace: MaskTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        var summary = "mask: "
        if let allowed = trace.allowedCount {
            summary += "\(allowed)/\(trace.vocabularySize) allowed (\(Format.percent(Double(allowed) / Double(max(1, trace.vocabularySize))).trimmingCharacters(in: .whitespaces)))"
        } else {
            summary += "\(trace.tested.count) tested of \(trace.vocabularySize) (no full mask)"
        }
        if let masked = trace.maskedMass { summary += " · masked mass \(Format.fixed(masked, 3))" }
        rows.line(summary, style: theme[.title], into: &buffer)
        if !trace.tested.isEmpty {
            let rejected = trace.tested.filter { !$0.allowed }.count
            rows.line("tested \(trace.tested.count) · rejected \(rejected)", style: theme[.muted], into: &buffer)
            let shown = trace.distribution == nil ? trace.tested[...] : trace.tested.prefix(max(1, rows.remaining / 3))
            for tested in shown {
                let text = "\(tested.allowed ? "✓" : "✗") \(Format.pad(TokenText.label(tested.token, vocabulary: vocabulary), 14)) p \(Format.fixed(tested.probability, 3))"
                guard rows.line(text, style: theme[tested.allowed ? .draftAccepted : .draftRejected], into: &buffer) else { return }
            }
        }
        if let distribution = trace.distribution {
            DistributionView(trace: distribution, vocabulary: vocabulary).render(into: &buffer, rows: &rows, theme: theme)
        }
    }
}
