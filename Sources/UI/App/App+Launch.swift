extension App {
    /// What the app asks for once, as soon as the screen is up: the cost panel's verify-cost
    /// curve, which takes about a second, so it is measured by the engine between steps rather
    /// than before the first frame.
    public static func launch(_ state: inout AppState) -> [AppCommand] {
        state.verifyCost = .measuring
        return [.measureVerifyCost]
    }
}
