import Decoding

extension StrategyDescriptor {
    /// Constrained and SMC strategies decode under the loaded constraint and cannot run without one.
    public var needsConstraint: Bool { family == .constrained || family == .smc }
}
