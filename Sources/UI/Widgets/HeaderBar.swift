import Decoding
import Engine

/// Top line: model, strategy with its number key, its parameters, seed; on the right the run
/// status, speed and token count; the constraint's name when one is loaded. When the line is
/// too narrow the least important parts go first (brand, model name, seed, parameters).
public struct HeaderBar: Widget {
    public var state: AppState

    public init(state: AppState) {
        self.state = state
    }

    private struct Part {
        var text: String
        var role: ThemeRole
        /// Lower goes first when space runs out.
        var priority: Int
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.header])
        let status = " \(state.status.label) "
        let speed = state.stats.tokensPerSecond > 0 ? " \(Format.fixed(state.stats.tokensPerSecond, 1)) tok/s" : ""
        let counts = "\(speed)  \(state.stats.generatedTokens)/\(state.configuration.maxNewTokens) "
        let rightWidth = CellWidth.of(status) + CellWidth.of(counts)
        var parts = leftParts
        while HeaderBar.separated(parts).reduce(0, { $0 + CellWidth.of($1) }) > area.width - rightWidth - 1,
              let lowest = parts.indices.min(by: { parts[$0].priority < parts[$1].priority }), parts.count > 1 {
            parts.remove(at: lowest)
        }
        var x = area.x
        for (part, text) in zip(parts, HeaderBar.separated(parts)) {
            x += buffer.put(text, x: x, y: area.y, style: theme[part.role], maxWidth: max(0, area.maxX - rightWidth - x))
        }
        let statusX = max(x, area.maxX - rightWidth)
        let used = buffer.put(status, x: statusX, y: area.y, style: theme[state.status.role])
        buffer.put(counts, x: statusX + used, y: area.y, style: theme[.header], maxWidth: max(0, area.maxX - statusX - used))
    }

    private var leftParts: [Part] {
        let number = state.strategyIndex.map { "[\($0 + 1)] " } ?? ""
        var parts = [
            Part(text: "DecodeLab", role: .headerAccent, priority: 0),
            Part(text: state.modelName, role: .header, priority: 2),
            Part(text: "\(number)\(state.configuration.strategy)", role: .headerAccent, priority: 6),
        ]
        if let constraint = state.configuration.parameters.constraint {
            // A constraint the current strategy ignores is still named, so switching is one key away.
            let unused = state.strategy?.needsConstraint == true ? "" : " (unused)"
            parts.append(Part(text: "⊨ \(constraint.displayName)\(unused)", role: .header, priority: 5))
        }
        let parameters = HeaderBar.parameterSummary(state.strategy, state.configuration.parameters)
        if !parameters.isEmpty { parts.append(Part(text: parameters, role: .header, priority: 4)) }
        parts.append(Part(text: "seed \(state.configuration.seed)", role: .header, priority: 3))
        return parts
    }

    /// The parts as drawn: separated by "│", and none before the first, whichever parts were
    /// dropped for room.
    private static func separated(_ parts: [Part]) -> [String] {
        parts.enumerated().map { index, part in (index == 0 ? " " : "│ ") + part.text + " " }
    }

    /// The parameters that shape the strategy, abbreviated: the sampler's first three ("T 0.80
    /// k 40 p 0.95"), or the temperature and the strategy's own ("T 0.80 draft 3 n-gram 3"),
    /// with the values the strategy really uses (its defaults while unset).
    static func parameterSummary(_ strategy: StrategyDescriptor?, _ parameters: DecodingParameters) -> String {
        guard let strategy else { return "" }
        let own = strategy.ownParameters
        let shown = own.isEmpty ? Array(strategy.parameters.prefix(3))
            : strategy.parameters.filter { $0.name == "temperature" } + own.prefix(3)
        return shown.compactMap { descriptor -> String? in
            guard let value = descriptor.value(in: parameters) else { return nil }
            return "\(shortNames[descriptor.name] ?? descriptor.name) \(Format.parameter(value, of: descriptor))"
        }.joined(separator: " ")
    }

    private static let shortNames = [
        "temperature": "T", "top-k": "k", "top-p": "p", "min-p": "min-p", "beam-width": "beams", "length-penalty": "α",
        "draft-length": "draft", "ngram-size": "n-gram", "exit-layer": "exit", "tree-width": "width", "tree-depth": "depth",
        "tree-size": "tree", "lookahead-ngram": "n-gram", "pool-size": "pool", "skip-layers": "skip", "adaptive-draft": "adaptive",
        "lookup-leads": "lead", "draft-threshold": "min", "particles": "N", "ess-threshold": "τ", "estimator": "est",
    ]
}
