import Decoding
import Inference

/// For beam search: the live beams, best first, with scores and their generated tails.
struct BeamsView {
    var trace: BeamTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        rows.line("\(Format.count(trace.beams.count, "beam")) · \(Format.count(trace.candidatesScored, "candidate")) scored", style: theme[.title], into: &buffer)
        rows.line(" #  score    log p   tail", style: theme[.muted], into: &buffer)
        for (rank, beam) in trace.beams.enumerated() {
            // A beam with nothing past the committed text (the winner, at the end) says so.
            let tail = beam.tokens.isEmpty ? "(all in the text)" : Printable.text(TokenText.string(beam.tokens.suffix(12), vocabulary: vocabulary))
            let mark = beam.finished ? "■" : " "
            let text = "\(Format.padLeft("\(rank + 1)", 2))\(mark)\(Format.padLeft(Format.fixed(beam.score, 2), 6)) \(Format.padLeft(Format.fixed(beam.logProbability, 2), 8))  \(tail)"
            guard rows.line(text, style: theme[rank == 0 ? .beam : .base], into: &buffer) else { return }
        }
    }
}
