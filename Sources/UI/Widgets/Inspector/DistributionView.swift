import Decoding
import Inference

/// For a sampled step: every sampler stage's top candidates as bars, the chosen token marked,
/// so the reader sees how the chain reshaped the distribution.
struct DistributionView {
    var trace: DistributionTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let uniform = trace.uniform.map { " · u \(Format.fixed($0, 3))" } ?? " · greedy"
        rows.line("chosen \(TokenText.label(trace.chosen, vocabulary: vocabulary)) · H \(Format.fixed(trace.entropy, 2)) nats\(uniform)",
                  style: theme[.title], into: &buffer)
        let stages = trace.stages
        guard !stages.isEmpty else { return }
        // Share the height between stages; the final (sampled) stage gets any remainder.
        let perStage = max(2, (rows.remaining - stages.count) / stages.count)
        for (index, stage) in stages.enumerated() {
            let isFinal = index == stages.count - 1
            let header = "\(stage.label) · \(stage.candidateCount) cand · H \(Format.fixed(stage.entropy, 2))\(isFinal ? " · sampled" : "")"
            guard rows.line(header, style: theme[isFinal ? .headerAccent : .muted].overlaid(by: Style(underline: !isFinal)), into: &buffer) else { return }
            let count = isFinal ? max(perStage, rows.remaining) : min(perStage, rows.remaining - 2 * (stages.count - 1 - index))
            drawBars(stage.top.prefix(max(1, count)), into: &buffer, rows: &rows, theme: theme)
        }
    }

    private func drawBars(_ entries: ArraySlice<TokenProbability>, into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let labelWidth = min(14, max(6, rows.area.width / 3))
        let numberWidth = 6
        let barWidth = max(1, rows.area.width - labelWidth - numberWidth - 3)
        for entry in entries {
            guard let y = rows.next() else { return }
            let chosen = entry.token == trace.chosen
            let x = rows.area.x
            buffer.put(chosen ? "▸" : " ", x: x, y: y, style: theme[.barChosen])
            buffer.put(Format.pad(TokenText.label(entry.token, vocabulary: vocabulary), labelWidth), x: x + 1, y: y,
                       style: chosen ? theme[.barChosen] : theme[.base], clip: rows.area)
            Bar.draw(entry.probability, into: &buffer, x: x + 2 + labelWidth, y: y, width: barWidth,
                     fill: theme[chosen ? .barChosen : .barFill], track: theme[.barTrack])
            buffer.put(Format.percent(entry.probability), x: x + 3 + labelWidth + barWidth, y: y, style: theme[.muted], clip: rows.area)
        }
    }
}
