import Decoding
import Inference

/// Everything known about the selected token: its id, exact bytes, source, probability,
/// entropy, and its rank in the distribution it was chosen from.
public struct TokenDetailOverlay {
    public var entry: TokenEntry
    /// The token's place in the generated text (`AppState.textPosition`); nil for a rejected draft.
    public var position: Int?
    public var step: StepTrace?
    public var vocabulary: any Vocabulary

    public init(entry: TokenEntry, position: Int?, step: StepTrace?, vocabulary: any Vocabulary) {
        self.entry = entry
        self.position = position
        self.step = step
        self.vocabulary = vocabulary
    }

    public var lines: [(String, String)] {
        let token = entry.traced.token
        let bytes = vocabulary.bytes(of: token).map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }
        var lines: [(String, String)] = [
            ("token", "\(position.map { "#\($0)" } ?? "not in the text") · id \(token) · \(TokenText.label(token, vocabulary: vocabulary))"),
            ("bytes", bytes.joined(separator: " ")),
            ("source", entry.traced.source.words + (entry.traced.source.isCommitted ? "" : " (not part of the text)")),
            ("probability", entry.traced.probability.map { Format.fixed($0, 4) } ?? "—"),
            ("entropy", entry.traced.entropy.map { "\(Format.fixed($0, 3)) nats" } ?? "—"),
            ("step", step.map { "\($0.index + 1) · \($0.committedTokens.count) committed · \(Format.count($0.targetEvaluations, "target pass", plural: "target passes"))" } ?? "—"),
        ]
        // A constrained step samples a distribution too, after its mask.
        let sampled: DistributionTrace? = switch step?.payload {
        case .distribution(let trace)?: trace
        case .mask(let trace)?: trace.distribution
        default: nil
        }
        if let trace = sampled {
            for stage in trace.stages {
                let rank = stage.top.firstIndex { $0.token == token }.map { "rank \($0 + 1)" } ?? "not in top \(stage.top.count)"
                let p = stage.top.first { $0.token == token }.map { " · p \(Format.fixed($0.probability, 4)) · logit \(Format.fixed(Double($0.logit), 2))" } ?? ""
                lines.append((stage.label, rank + p))
            }
            if let u = trace.uniform { lines.append(("uniform draw", Format.fixed(u, 6))) }
        }
        if let step, case .mask(let trace) = step.payload {
            lines.append(("constraint", MaskView.coverage(trace)))
            if let weights = MaskView.weights(trace) { lines.append(("weight", weights)) }
            if let tested = trace.tested.firstIndex(where: { $0.token == token }) {
                lines.append(("tested", "#\(tested + 1) of \(trace.tested.count) · \(trace.tested[tested].allowed ? "allowed" : "rejected")"))
            }
        }
        return lines
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let all = lines
        let box = OverlayBox(title: "Token — any key closes", width: 76, height: all.count + 2)
        let area = box.draw(into: &buffer, theme: theme)
        for (row, line) in all.enumerated() where row < area.height {
            buffer.put(Format.pad(line.0, 16), x: area.x, y: area.y + row, style: theme[.overlayKey], clip: area)
            buffer.put(line.1, x: area.x + 16, y: area.y + row, style: theme[.overlay], clip: area)
        }
    }
}
