import Decoding
import Engine

/// One run's text in compare mode: titled with its strategy (and number key) and status, its
/// tokens/s, generated tokens and target evaluations written into the bottom border so the
/// two runs can be read against each other even at 40 columns each.
public struct RunPane: Widget {
    public var text: TextPane
    public var strategy: String
    public var strategies: [StrategyDescriptor]
    public var status: RunStatus
    public var stats: EngineStats

    public init(text: TextPane, strategy: String, strategies: [StrategyDescriptor], status: RunStatus, stats: EngineStats) {
        self.text = text
        self.strategy = strategy
        self.strategies = strategies
        self.status = status
        self.stats = stats
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        var pane = text
        let number = strategies.firstIndex { $0.name == strategy }.flatMap { $0 < 9 ? "[\($0 + 1)] " : nil } ?? ""
        pane.title = "\(number)\(strategy) \(status.symbol)"
        pane.render(into: &buffer, area: area, theme: theme)
        guard area.width > 4, area.height >= 2 else { return }
        let speed = stats.tokensPerSecond > 0 ? Format.fixed(stats.tokensPerSecond, 1) : "–"
        let numbers = " \(speed) tok/s · \(stats.generatedTokens) tok · \(stats.targetEvaluations) evals "
        buffer.put(numbers, x: area.x + 2, y: area.maxY - 1, style: theme[.title], maxWidth: area.width - 4)
    }
}
