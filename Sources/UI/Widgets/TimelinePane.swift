import Decoding
import Foundation

/// Entropy of every step as a sparkline, and a second series chosen by the strategy family:
/// acceptance length (speculative), effective sample size with resampling marks (SMC),
/// cumulative log-weight (weighted constrained sampling), allowed fraction or constraint
/// checks (other constrained strategies), or the chosen token's probability. With a third row
/// (a zoomed timeline) SMC also gets a row of ↻ marks under the steps that resampled.
public struct TimelinePane: Widget {
    public var steps: [StepTrace]
    public var focused: Bool

    public init(steps: [StepTrace], focused: Bool) {
        self.steps = steps
        self.focused = focused
    }

    /// One labelled row.
    struct Series {
        var label: String
        var values: [Double]
        var role: ThemeRole
        var ceiling: Double?
        var floor = 0.0
        var marks: [Bool] = []
        /// Drawn as ↻ where marked, instead of a sparkline.
        var marksOnly = false
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        Panel(title: "Timeline", focused: focused, badge: Format.count(steps.count, "step")).render(into: &buffer, area: area, theme: theme)
        let inner = Panel.inner(area)
        guard inner.width > 15, inner.height > 0 else { return }
        // Room for "Σlog w -123.47" and a space before the plot.
        let labelWidth = 15
        let entropy = steps.map(TimelinePane.entropy)
        let latest = entropy.last(where: { !$0.isNaN }).map { Format.fixed($0, 2) } ?? "—"
        var rows = [Series(label: "entropy \(latest)", values: entropy, role: .sparkline)]
        rows += TimelinePane.familySeries(steps)
        for (row, series) in rows.prefix(inner.height).enumerated() {
            let y = inner.y + row
            buffer.put(Format.pad(series.label, labelWidth), x: inner.x, y: y, style: theme[.muted], clip: inner)
            let area = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1)
            if series.marksOnly {
                let first = max(0, series.marks.count - area.width)
                for (offset, marked) in series.marks[first...].enumerated() where marked {
                    buffer.put("↻", x: area.x + offset, y: y, style: theme[.resampled])
                }
            } else {
                Sparkline(values: series.values, ceiling: series.ceiling, floor: series.floor, role: series.role, marks: series.marks)
                    .render(into: &buffer, area: area, theme: theme)
            }
        }
    }

    /// The entropy behind the step's last committed token; NaN (a gap) for a step that
    /// committed nothing and sampled no distribution (SMC and beam steps that only extended
    /// their hypotheses).
    static func entropy(_ step: StepTrace) -> Double {
        if let h = step.tokens.last(where: { $0.source.isCommitted })?.entropy { return h }
        switch step.payload {
        case .distribution(let trace): return trace.entropy
        case .mask(let trace): return trace.distribution?.entropy ?? .nan
        default: return .nan
        }
    }

    /// The family-specific rows, chosen by the newest step's payload.
    static func familySeries(_ steps: [StepTrace]) -> [Series] {
        guard let last = steps.last else { return [Series(label: "p(chosen) —", values: [], role: .sparklineSecond)] }
        switch last.payload {
        case .draftTree:
            return [labelled("accepted", steps.map { Double($0.committedTokens.count) })]
        case .particles:
            return particleSeries(steps)
        case .mask:
            return [maskSeries(steps.compactMap { if case .mask(let t) = $0.payload { t } else { nil } })]
        case .beams, .distribution:
            return [labelled("p(chosen)", steps.map { $0.committedTokens.last?.probability ?? .nan })]
        }
    }

    private static func labelled(_ name: String, _ values: [Double], ceiling: Double? = nil, floor: Double = 0) -> Series {
        let last = values.last(where: { !$0.isNaN }).map { Format.fixed($0, 2) } ?? "—"
        return Series(label: "\(name) \(last)", values: values, role: .sparklineSecond, ceiling: ceiling, floor: floor)
    }

    /// ESS on a 0…N scale, resampling steps marked, and their count in the label.
    private static func particleSeries(_ steps: [StepTrace]) -> [Series] {
        let traces = steps.map { step -> ParticleTrace? in if case .particles(let t) = step.payload { t } else { nil } }
        let ess = traces.map { $0?.effectiveSampleSize ?? .nan }
        let resampled = traces.map { $0?.resampled ?? false }
        let particles = traces.compactMap { $0?.particles.count }.max() ?? 1
        var series = labelled("ESS", ess, ceiling: Double(particles))
        series.marks = resampled
        let count = resampled.filter { $0 }.count
        if count > 0 { series.label += " ↻\(count)" }
        return [series, Series(label: "resampled", values: [], role: .resampled, marks: resampled, marksOnly: true)]
    }

    /// Weighted strategies: the cumulative log-weight (it only falls; scaled between its lowest
    /// value and 0). Unweighted: the allowed tokens on a log scale (2 of 49152 and all of them
    /// both matter), or the checks made when no full mask was computed.
    private static func maskSeries(_ traces: [MaskTrace]) -> Series {
        if traces.contains(where: { $0.cumulativeLogWeight != nil }) {
            let values = traces.map { $0.cumulativeLogWeight ?? .nan }
            let finite = values.filter(\.isFinite)
            return labelled("Σlog w", values, ceiling: max(0, finite.max() ?? 0), floor: finite.min() ?? 0)
        }
        if traces.contains(where: { $0.allowedCount != nil }) {
            let shares = traces.map { t in t.allowedCount.map { log(1 + Double($0)) / log(1 + Double(max(1, t.vocabularySize))) } ?? .nan }
            let latest = traces.last(where: { $0.allowedCount != nil })?.allowedCount.map(String.init) ?? "—"
            return Series(label: "allowed \(latest)", values: shares, role: .sparklineSecond, ceiling: 1)
        }
        return labelled("checks", traces.map { Double($0.tested.count) })
    }
}
