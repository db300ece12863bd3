public enum StrategyFamily: String, Sendable, Codable, CaseIterable {
    case sampling, search, speculative, constrained, smc
}
