import Decoding
import Inference

/// For sequential Monte Carlo: each particle's normalised weight as a bar, its text tail and,
/// after resampling, which particle it was copied from.
struct ParticlesView {
    var trace: ParticleTrace
    var vocabulary: any Vocabulary

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let resampled = trace.resampled ? " · resampled" : ""
        rows.line("\(trace.particles.count) particles · ESS \(Format.fixed(trace.effectiveSampleSize, 2))\(resampled)",
                  style: theme[.title], into: &buffer)
        let barWidth = max(4, min(12, rows.area.width / 4))
        for (index, particle) in trace.particles.enumerated() {
            guard let y = rows.next() else { return }
            let x = rows.area.x
            let origin = particle.ancestor.map { "←\($0)" } ?? ""
            buffer.put(Format.pad("\(index)\(particle.finished ? "■" : "")\(origin)", 5), x: x, y: y, style: theme[.muted], clip: rows.area)
            Bar.draw(particle.normalizedWeight, into: &buffer, x: x + 5, y: y, width: barWidth, fill: theme[.barFill], track: theme[.barTrack])
            let tail = particle.tail.map { Printable.text(TokenText.string($0, vocabulary: vocabulary)) }.joined()
            buffer.put(" \(Format.fixed(particle.normalizedWeight, 2)) \(tail)", x: x + 5 + barWidth, y: y, style: theme[.base],
                       maxWidth: rows.area.width - 5 - barWidth, clip: rows.area)
        }
    }
}
