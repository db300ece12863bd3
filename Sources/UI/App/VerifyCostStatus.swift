import Decoding

/// Where the speculation cost panel's T(n) curve stands: the engine measures it once, between
/// steps, when a speculative strategy is first shown.
public enum VerifyCostStatus: Sendable, Equatable {
    /// Not asked for yet (no speculative strategy shown so far).
    case notMeasured
    case measuring
    case measured(VerifyCost)
    case failed(String)
}
