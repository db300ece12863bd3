import Decoding

extension App {
    /// What the app asks for as soon as the screen is up.
    public static func launch(_ state: inout AppState) -> [AppCommand] {
        measureVerifyCostIfShown(&state)
    }

    /// The cost panel's verify-cost curve takes about a second of the model's time, measured by
    /// the engine between two steps; so it is asked for once, when a speculative strategy (the
    /// only ones with a cost panel) is first shown, and plain decoding never pauses for it.
    static func measureVerifyCostIfShown(_ state: inout AppState) -> [AppCommand] {
        guard state.verifyCost == .notMeasured,
              state.strategies.first(where: { $0.name == state.configuration.strategy })?.family == .speculative else { return [] }
        state.verifyCost = .measuring
        return [.measureVerifyCost]
    }
}
