import Decoding

/// Where the speculation cost panel's T(n) curve stands: the engine measures it once, between
/// steps, after the screen is up.
public enum VerifyCostStatus: Sendable, Equatable {
    /// Nobody asked for it (a state built without the runner).
    case notMeasured
    case measuring
    case measured(VerifyCost)
    case failed(String)
}
