import Decoding
import Foundation

/// Entropy of every step as a sparkline, and a second series chosen by the strategy family:
/// acceptance length (speculative), effective sample size with resampling marks (SMC),
/// cumulative log-weight (weighted constrained sampling), allowed fraction or constraint
/// checks (other constrained strategies), or the chosen token's probability. With a third row
/// (a zoomed timeline) SMC also gets a row of ↻ marks under the steps that resampled. With the
/// cursor on an older step, that step's column is marked and the labels give its values.
public struct TimelinePane: Widget {
    public var steps: [StepTrace]
    public var focused: Bool
    /// The index of the step the cursor selects; nil follows the newest, with no mark.
    public var selected: Int?

    public init(steps: [StepTrace], focused: Bool, selected: Int? = nil) {
        self.steps = steps
        self.focused = focused
        self.selected = selected
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
        let badge = selected.map { "step \($0 + 1) of \(steps.count)" } ?? Format.count(steps.count, "step")
        Panel(title: "Timeline", focused: focused, badge: badge).render(into: &buffer, area: area, theme: theme)
        let inner = Panel.inner(area)
        guard inner.width > 15, inner.height > 0 else { return }
        // Room for "Σlog w -123.47" and a space before the plot.
        let labelWidth = 15
        let entropy = steps.map(TimelinePane.entropy)
        var rows = [TimelinePane.labelled("entropy", entropy, at: selected, role: .sparkline)]
        rows += TimelinePane.familySeries(steps, at: selected)
        for (row, series) in rows.prefix(inner.height).enumerated() {
            let y = inner.y + row
            buffer.put(Format.pad(series.label, labelWidth), x: inner.x, y: y, style: theme[.muted], clip: inner)
            let area = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1)
            if series.marksOnly {
                let first = Sparkline.firstShown(count: series.marks.count, width: area.width, keeping: selected)
                for (offset, marked) in series.marks[first...].prefix(area.width).enumerated() where marked {
                    buffer.put("↻", x: area.x + offset, y: y, style: theme[.resampled])
                }
            } else {
                Sparkline(values: series.values, ceiling: series.ceiling, floor: series.floor, role: series.role, marks: series.marks, highlighted: selected)
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

    /// The family-specific rows, chosen by the newest step's payload; their labels give the
    /// values at step `selected` (the newest known ones when nil).
    static func familySeries(_ steps: [StepTrace], at selected: Int?) -> [Series] {
        guard let last = steps.last else { return [Series(label: "p(chosen) —", values: [], role: .sparklineSecond)] }
        switch last.payload {
        case .draftTree:
            return [labelled("accepted", steps.map { Double($0.committedTokens.count) }, at: selected)]
        case .particles:
            return particleSeries(steps, at: selected)
        case .mask:
            return [maskSeries(steps.compactMap { if case .mask(let t) = $0.payload { t } else { nil } }, at: selected)]
        case .beams, .distribution:
            return [labelled("p(chosen)", steps.map { $0.committedTokens.last?.probability ?? .nan }, at: selected)]
        }
    }

    private static func labelled(_ name: String, _ values: [Double], at selected: Int?, role: ThemeRole = .sparklineSecond,
                                 ceiling: Double? = nil, floor: Double = 0) -> Series {
        let value = labelValue(values.map { $0.isNaN ? nil : $0 }, at: selected).map { Format.fixed($0, 2) } ?? "—"
        return Series(label: "\(name) \(value)", values: values, role: role, ceiling: ceiling, floor: floor)
    }

    /// The value a label gives: the selected step's (none for a gap), or the newest one known.
    private static func labelValue<T>(_ values: [T?], at selected: Int?) -> T? {
        guard let selected else { return values.last { $0 != nil } ?? nil }
        return values.indices.contains(selected) ? values[selected] : nil
    }

    /// ESS on a 0…N scale, resampling steps marked, and their count in the label.
    private static func particleSeries(_ steps: [StepTrace], at selected: Int?) -> [Series] {
        let traces = steps.map { step -> ParticleTrace? in if case .particles(let t) = step.payload { t } else { nil } }
        let ess = traces.map { $0?.effectiveSampleSize ?? .nan }
        let resampled = traces.map { $0?.resampled ?? false }
        let particles = traces.compactMap { $0?.particles.count }.max() ?? 1
        var series = labelled("ESS", ess, at: selected, ceiling: Double(particles))
        series.marks = resampled
        let count = resampled.filter { $0 }.count
        if count > 0 { series.label += " ↻\(count)" }
        return [series, Series(label: "resampled", values: [], role: .resampled, marks: resampled, marksOnly: true)]
    }

    /// Weighted strategies: the cumulative log-weight (it only falls; scaled between its lowest
    /// value and 0). Unweighted: the allowed tokens on a log scale (2 of 49152 and all of them
    /// both matter), or the checks made when no full mask was computed.
    private static func maskSeries(_ traces: [MaskTrace], at selected: Int?) -> Series {
        if traces.contains(where: { $0.cumulativeLogWeight != nil }) {
            let values = traces.map { $0.cumulativeLogWeight ?? .nan }
            let finite = values.filter(\.isFinite)
            return labelled("Σlog w", values, at: selected, ceiling: max(0, finite.max() ?? 0), floor: finite.min() ?? 0)
        }
        if traces.contains(where: { $0.allowedCount != nil }) {
            let shares = traces.map { t in t.allowedCount.map { log(1 + Double($0)) / log(1 + Double(max(1, t.vocabularySize))) } ?? .nan }
            let allowed = labelValue(traces.map(\.allowedCount), at: selected).map(String.init) ?? "—"
            return Series(label: "allowed \(allowed)", values: shares, role: .sparklineSecond, ceiling: 1)
        }
        return labelled("checks", traces.map { Double($0.tested.count) }, at: selected)
    }
}
