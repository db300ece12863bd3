import Foundation
import Decoding
import Inference

/// For a sampled step: every sampler stage's top candidates as bars, the chosen token marked,
/// so the reader sees how the chain reshaped the distribution. Each stage's header carries the
/// chosen token's probability after that stage, so when space is short the intermediate
/// stages shrink to that one line and the sampled (final) stage keeps its bars. Each header is
/// one row; where even those rows leave the sampled stage fewer than three candidates, the last
/// intermediate stages are counted on one line instead.
struct DistributionView {
    var trace: DistributionTrace
    var vocabulary: any Vocabulary
    /// How the token was drawn when no uniform was used and it was not the argmax.
    var drawnWithoutUniform = "greedy"

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let draw = trace.uniform.map { " · u \(Format.fixed($0, 3))" } ?? " · \(drawnWithoutUniform)"
        rows.line("chosen \(TokenText.label(trace.chosen, vocabulary: vocabulary)) · H \(Format.fixed(trace.entropy, 2))\(draw)",
                  style: theme[.title], into: &buffer)
        guard let final = trace.stages.last else { return }
        let room = rows.remaining - 1 - min(Self.fewestFinalBars, final.top.count)
        let allIntermediate = trace.stages.dropLast()
        let intermediate = allIntermediate.prefix(allIntermediate.count <= room ? allIntermediate.count : max(0, room - 1))
        let hidden = allIntermediate.count - intermediate.count
        // The line counting the stages left out, where there is a row for it.
        let saysHidden = hidden > 0 && room > 0
        let available = rows.remaining - 1 - intermediate.count - (saysHidden ? 1 : 0)
        let finalBars = min(final.top.count, max(Self.fewestFinalBars, available / (intermediate.count + 1)))
        let fit = intermediate.isEmpty ? 0 : min(6, (available - finalBars) / intermediate.count)
        // A single bar adds nothing to the header's ▸p; leave the room to the sampled stage.
        let perStage = fit >= 2 ? fit : 0
        for stage in intermediate {
            guard rows.line(header(stage, final: false, width: rows.area.width), style: theme[.muted], into: &buffer) else { return }
            drawBars(shown(stage, count: perStage), into: &buffer, rows: &rows, theme: theme)
        }
        if saysHidden {
            rows.line("… \(Format.count(hidden, "more stage")) (Enter zooms)", style: theme[.muted], into: &buffer)
        }
        guard rows.line(header(final, final: true, width: rows.area.width), style: theme[.headerAccent], into: &buffer) else { return }
        drawBars(shown(final, count: max(finalBars, rows.remaining)), into: &buffer, rows: &rows, theme: theme)
    }

    /// The sampled stage's candidates kept however many stages come before it.
    private static let fewestFinalBars = 3

    /// Two spaces between the parts when they fit; a narrow pane (80 columns) gets one space,
    /// then loses the candidate count and the word "sampled" (the final stage keeps its accent
    /// colour), then has its label cut with "…" (the penalties'), so the header stays one row
    /// and the chosen token's probability is still whole.
    private func header(_ stage: StageView, final: Bool, width: Int) -> String {
        let chosen = stage.top.first { $0.token == trace.chosen }.map { "▸\(Format.percent($0.probability).trimmingCharacters(in: .whitespaces))" }
        let count = "n \(stage.candidateCount)", sampled = final && trace.uniform != nil ? "sampled" : nil
        let numbers = ["H \(Format.fixed(stage.entropy, 2))", chosen].compactMap { $0 }
        let parts = [stage.label, count] + numbers + [sampled].compactMap { $0 }
        let forms = [parts.joined(separator: "  "), parts.joined(separator: " "), parts.filter { $0 != count }.joined(separator: " "),
                     ([stage.label] + numbers).joined(separator: " ")]
        if let fitting = forms.first(where: { CellWidth.of($0) <= width }) { return fitting }
        let labelWidth = width - 1 - CellWidth.of(numbers.joined(separator: " "))
        guard labelWidth > 1 else { return Format.padMarkingCut(forms[forms.count - 1], width) }
        return Format.padMarkingCut(stage.label, labelWidth) + " " + numbers.joined(separator: " ")
    }

    /// The top `count` entries, with the chosen token swapped in last if it ranks lower.
    private func shown(_ stage: StageView, count: Int) -> [TokenProbability] {
        var entries = Array(stage.top.prefix(count))
        if count > 0, !entries.contains(where: { $0.token == trace.chosen }), let chosen = stage.top.first(where: { $0.token == trace.chosen }) {
            entries[entries.count - 1] = chosen
        }
        return entries
    }

    private func drawBars(_ entries: [TokenProbability], into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
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
