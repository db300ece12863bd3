import Decoding

/// Entropy of every step as a sparkline, and a second series chosen by the strategy family:
/// acceptance length (speculative), effective sample size (SMC), allowed fraction
/// (constrained), or the chosen token's probability.
public struct TimelinePane: Widget {
    public var steps: [StepTrace]
    public var focused: Bool

    public init(steps: [StepTrace], focused: Bool) {
        self.steps = steps
        self.focused = focused
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        Panel(title: "Timeline", focused: focused, badge: "\(steps.count) steps").render(into: &buffer, area: area, theme: theme)
        let inner = Panel.inner(area)
        guard inner.width > 15, inner.height > 0 else { return }
        let labelWidth = 14
        let series = TimelinePane.secondSeries(steps)
        let plots: [(String, [Double], ThemeRole)] = [
            ("entropy", steps.map(TimelinePane.entropy), .sparkline),
            (series.name, series.values, .sparklineSecond),
        ]
        for (row, plot) in plots.prefix(inner.height).enumerated() {
            let last = plot.1.last.map { Format.fixed($0, 2) } ?? "—"
            buffer.put(Format.pad("\(plot.0) \(last)", labelWidth), x: inner.x, y: inner.y + row, style: theme[.muted], clip: inner)
            let area = Rect(x: inner.x + labelWidth, y: inner.y + row, width: inner.width - labelWidth, height: 1)
            Sparkline(values: plot.1, role: plot.2).render(into: &buffer, area: area, theme: theme)
        }
    }

    static func entropy(_ step: StepTrace) -> Double {
        if let h = step.tokens.last(where: { $0.source.isCommitted })?.entropy { return h }
        switch step.payload {
        case .distribution(let trace): return trace.entropy
        case .mask(let trace): return trace.distribution?.entropy ?? 0
        default: return 0
        }
    }

    /// The family-specific series, named after the newest step's payload.
    static func secondSeries(_ steps: [StepTrace]) -> (name: String, values: [Double]) {
        guard let last = steps.last else { return ("p(chosen)", []) }
        switch last.payload {
        case .draftTree: return ("accepted", steps.map { Double($0.committedTokens.count) })
        case .particles: return ("ESS", steps.map { if case .particles(let t) = $0.payload { t.effectiveSampleSize } else { 0 } })
        case .mask: return ("allowed", steps.map {
            if case .mask(let t) = $0.payload, let allowed = t.allowedCount { Double(allowed) / Double(max(1, t.vocabularySize)) } else { 0 }
        })
        case .beams, .distribution: return ("p(chosen)", steps.map { $0.committedTokens.last?.probability ?? 0 })
        }
    }
}
