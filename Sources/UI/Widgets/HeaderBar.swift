import Decoding
import Engine

/// Top line: model, strategy with its number key, its parameters, seed; on the right the run
/// status, speed and token count; the constraint's name when one is loaded. When the line is
/// too narrow the least important parts shorten or go first (brand, an unused constraint, model
/// name, seed, parameters), and what is left keeps its room whatever the counters read, so
/// parts do not come and go as the count grows.
public struct HeaderBar: Widget {
    public var state: AppState

    public init(state: AppState) {
        self.state = state
    }

    private struct Part {
        /// Longest first: each next one is what the part shows when the longer ones do not fit.
        var forms: [String]
        var role: ThemeRole
        /// Higher gets its room first; the highest (the strategy) is always drawn.
        var priority: Int
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.header])
        let status = " \(state.status.label) "
        let counts = countsText(speed: state.stats.tokensPerSecond, generated: state.stats.generatedTokens)
        let rightWidth = CellWidth.of(status) + CellWidth.of(counts)
        // The widest status, count and speed the run may show (a speed of four digits before
        // the first one is measured), so that the left parts do not come and go as the run
        // starts, counts, finishes or restarts.
        let reservedCounts = countsText(speed: max(state.stats.tokensPerSecond, 999.9), generated: state.configuration.maxNewTokens)
        let reservedStatus = max(CellWidth.of(status), RunStatus.widestLabel + 2)
        let room = area.width - reservedStatus - max(CellWidth.of(counts), CellWidth.of(reservedCounts)) - 1
        let shown = HeaderBar.fitting(leftParts, into: room)
        var x = area.x
        for (part, text) in zip(shown, HeaderBar.separated(shown.map(\.text))) {
            x += buffer.put(text, x: x, y: area.y, style: theme[part.role], maxWidth: max(0, area.maxX - rightWidth - x))
        }
        let statusX = max(x, area.maxX - rightWidth)
        let used = buffer.put(status, x: statusX, y: area.y, style: theme[state.status.role])
        buffer.put(counts, x: statusX + used, y: area.y, style: theme[.header], maxWidth: max(0, area.maxX - statusX - used))
    }

    private func countsText(speed: Double, generated: Int) -> String {
        let speedText = speed > 0 ? " \(Format.fixed(speed, 1)) tok/s" : ""
        return "\(speedText)  \(generated)/\(state.configuration.maxNewTokens) "
    }

    private var leftParts: [Part] {
        let number = state.strategyIndex.map { "[\($0 + 1)] " } ?? ""
        var parts = [
            // The brand tells nothing about the run: it is the first to go.
            Part(forms: ["DecodeLab"], role: .headerAccent, priority: -2),
            Part(forms: [state.modelName], role: .header, priority: 2),
            Part(forms: ["\(number)\(state.configuration.strategy)"], role: .headerAccent, priority: 6),
        ]
        if let constraint = state.configuration.parameters.constraint {
            // A constraint the current strategy ignores is still named, so switching is one key
            // away, but it is the first to make room.
            let forms = state.strategy?.needsConstraint == true ? ["⊨ \(constraint.displayName)"]
                : ["⊨ \(constraint.displayName) (unused)", "⊨ (unused)"]
            parts.append(Part(forms: forms, role: .header, priority: forms.count > 1 ? -1 : 5))
        }
        let parameters = ParameterSummary.items(state.strategy, state.configuration.parameters)
        if !parameters.isEmpty {
            // A list cut short for room ends with "…", so it does not pass for the whole list.
            let forms = (1...parameters.count).reversed().map { count in
                parameters.prefix(count).joined(separator: " ") + (count < parameters.count ? " …" : "")
            }
            parts.append(Part(forms: forms, role: .header, priority: 4))
        }
        parts.append(Part(forms: ["seed \(state.configuration.seed)"], role: .header, priority: 3))
        return parts
    }

    /// The parts, in their order, each in the longest form that fits `room` beside those more
    /// important; the most important is kept even when it does not fit.
    private static func fitting(_ parts: [Part], into room: Int) -> [(text: String, role: ThemeRole)] {
        var chosen: [Int: String] = [:]
        func shown(with extra: [Int: String]) -> [String] {
            parts.indices.compactMap { extra[$0] ?? chosen[$0] }
        }
        for index in parts.indices.sorted(by: { parts[$0].priority > parts[$1].priority }) {
            let form = parts[index].forms.first { width(of: shown(with: [index: $0])) <= room }
            chosen[index] = form ?? (chosen.isEmpty ? parts[index].forms.last : nil)
        }
        return parts.indices.compactMap { index in chosen[index].map { ($0, parts[index].role) } }
    }

    private static func width(of texts: [String]) -> Int {
        separated(texts).reduce(0) { $0 + CellWidth.of($1) }
    }

    /// The parts as drawn: separated by "│", and none before the first, whichever parts were
    /// dropped for room.
    private static func separated(_ texts: [String]) -> [String] {
        texts.enumerated().map { index, text in (index == 0 ? " " : "│ ") + text + " " }
    }
}
