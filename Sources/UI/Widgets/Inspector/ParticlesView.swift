import Decoding
import Inference

/// For sequential Monte Carlo: the effective sample size against the resampling threshold and
/// the running log Ẑ, then one row per particle — alive, dead or finished, the particle it was
/// copied from when resampling happened, its normalised weight as a bar, the log-weight this
/// step added and its text tail. With more particles than rows the heaviest are shown.
struct ParticlesView {
    var trace: ParticleTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let width = rows.area.width
        rows.line(ParticlesView.summary(trace, width: width), style: theme[.title], into: &buffer)
        if let detail = detail(width: width) { rows.line(detail, style: theme[.muted], into: &buffer) }
        guard rows.remaining > 1 else { return }
        let columns = Columns(width: rows.area.width, showsStepWeight: trace.particles.contains { $0.stepLogWeight != nil })
        rows.line(columns.header, style: theme[.muted], into: &buffer)
        let shown = ParticlesView.shownIndices(trace.particles, rows: rows.remaining)
        for index in shown {
            guard let y = rows.next() else { return }
            draw(index, at: y, columns: columns, into: &buffer, area: rows.area, theme: theme)
        }
        if shown.count < trace.particles.count {
            rows.line("  … \(trace.particles.count - shown.count) lighter particles not shown", style: theme[.muted], into: &buffer)
        }
    }

    /// "4 particles · ESS 1.72 < 2.00 → resampled" (or "≥ 2.00, kept"); "N 4 · ESS 1.72 < 2.00 ↻"
    /// when that does not fit `width`.
    static func summary(_ trace: ParticleTrace, width: Int) -> String {
        var comparison = ""
        if let threshold = trace.resampleBelow {
            comparison = (trace.effectiveSampleSize < threshold ? " < " : " ≥ ") + Format.fixed(threshold, 2)
        }
        let ess = "ESS \(Format.fixed(trace.effectiveSampleSize, 2))\(comparison)"
        let full = "\(trace.particles.count) particles · \(ess)" + (trace.resampled ? " → resampled" : (trace.resampleBelow == nil ? "" : ", kept"))
        return CellWidth.of(full) <= width ? full : "N \(trace.particles.count) · \(ess)\(trace.resampled ? " ↻" : "")"
    }

    /// "log Ẑ -3.210 · 14 checks (4 full masks: 196608) · 1 dead", when the strategy reports
    /// them; without the full-mask comparison when that does not fit `width`.
    private func detail(width: Int) -> String? {
        let checks = trace.particles.compactMap(\.checks)
        let dead = trace.particles.filter(\.isDead).count
        func parts(comparing: Bool) -> [String] {
            var parts: [String] = []
            if let logZ = trace.logNormalizer { parts.append("log Ẑ \(Format.fixed(logZ, 3))") }
            if !checks.isEmpty {
                let comparison = comparing ? " (\(Format.count(checks.count, "full mask")): \(checks.count * vocabulary.count))" : ""
                parts.append("\(checks.reduce(0, +)) checks\(comparison)")
            }
            if dead > 0 { parts.append("\(dead) dead") }
            return parts
        }
        let full = parts(comparing: true).joined(separator: " · ")
        guard !full.isEmpty else { return nil }
        return CellWidth.of(full) <= width ? full : parts(comparing: false).joined(separator: " · ")
    }

    /// Which particles get a row: all in index order when they fit, else the heaviest (one row
    /// is kept to say how many are hidden).
    static func shownIndices(_ particles: [ParticleTrace.Particle], rows: Int) -> [Int] {
        guard particles.count > rows else { return Array(particles.indices) }
        let heaviest = particles.indices.sorted { particles[$0].normalizedWeight > particles[$1].normalizedWeight }
        return heaviest.prefix(max(0, rows - 1)).sorted()
    }

    private func draw(_ index: Int, at y: Int, columns: Columns, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let particle = trace.particles[index]
        let (status, role): (String, ThemeRole) = particle.isDead ? ("dead", .draftRejected) : (particle.finished ? ("done", .draftAccepted) : ("live", .base))
        let origin = particle.ancestor.map { "←\($0)" } ?? ""
        var x = area.x
        x += buffer.put("\(Format.padLeft("\(index)", 2)) \(status) \(Format.pad(origin, 3)) ", x: x, y: y, style: theme[role], clip: area)
        Bar.draw(particle.normalizedWeight, into: &buffer, x: x, y: y, width: columns.bar, fill: theme[.barFill], track: theme[.barTrack])
        x += columns.bar
        var numbers = " \(Format.fixed(particle.normalizedWeight, 2))"
        if columns.showsStepWeight { numbers += " " + Format.padLeft(particle.stepLogWeight.map { Format.fixed($0, 2) } ?? "—", 6) }
        x += buffer.put(numbers + " ", x: x, y: y, style: theme[.muted], clip: area)
        let tail = Printable.text(TokenText.string(particle.tail, vocabulary: vocabulary))
        // The newest text matters most: cut the tail from the left.
        let room = max(0, area.maxX - x)
        buffer.put(Format.keepingEnd(tail, width: room), x: x, y: y, style: theme[role], maxWidth: room, clip: area)
    }

    /// Column widths for the pane's width: the step log-weight goes first when it is narrow.
    private struct Columns {
        let bar: Int
        let showsStepWeight: Bool

        init(width: Int, showsStepWeight: Bool) {
            // index 2, status 4, ancestor 3, weight 4, spaces; the tail keeps at least 8 cells.
            let fixed = 2 + 1 + 4 + 1 + 3 + 1 + 1 + 4 + 1
            self.showsStepWeight = showsStepWeight && width - fixed - 7 - 8 >= 4
            let left = width - fixed - (self.showsStepWeight ? 7 : 0) - 8
            bar = max(3, min(12, left))
        }

        var header: String {
            " # st   anc " + Format.pad("weight", bar + 5) + (showsStepWeight ? Format.padLeft("Δlog w", 7) : "") + " tail"
        }
    }
}
