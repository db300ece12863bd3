/// A tunable number of a strategy, as the UI and `set parameter` see it.
public struct ParameterDescriptor: Sendable, Codable, Equatable {
    public var name: String
    public var summary: String
    public var range: ClosedRange<Double>
    /// How far one key press moves it.
    public var step: Double
    /// What the strategy uses while the parameter is unset; nil for the sampler's own settings,
    /// which `DecodingParameters` always holds.
    public var defaultValue: Double?
    /// For a count of model layers: how many of the model's layers it must leave out of its
    /// reach (an early exit at the last layer would be the target itself), so that on a model
    /// of L layers it goes up to L minus this. nil for parameters that do not count layers.
    public var layersToLeave: Int?

    public init(name: String, summary: String, range: ClosedRange<Double>, step: Double, defaultValue: Double? = nil, layersToLeave: Int? = nil) {
        self.name = name
        self.summary = summary
        self.range = range
        self.step = step
        self.defaultValue = defaultValue
        self.layersToLeave = layersToLeave
    }

    /// `range` narrowed to what a model of `layerCount` layers allows.
    public func range(onModelWith layerCount: Int) -> ClosedRange<Double> {
        guard let layersToLeave else { return range }
        let upper = min(range.upperBound, max(range.lowerBound, Double(layerCount - layersToLeave)))
        return range.lowerBound...upper
    }

    /// True when the parameter moves in whole steps between whole bounds (a count, a switch):
    /// its values must then be whole numbers.
    public var isWholeNumber: Bool {
        step >= 1 && step == step.rounded() && range.lowerBound == range.lowerBound.rounded() && range.upperBound == range.upperBound.rounded()
    }

    /// The range as flags' help and errors show it: "1…32", or "0.0…5.0" when not whole.
    public var rangeText: String {
        isWholeNumber ? "\(Int(range.lowerBound))…\(Int(range.upperBound))" : "\(range.lowerBound)…\(range.upperBound)"
    }

    /// The same parameter with another default, for a strategy that starts elsewhere.
    public func defaulting(to value: Double) -> ParameterDescriptor {
        var copy = self
        copy.defaultValue = value
        return copy
    }

    /// Its value in `parameters`, or its default when unset.
    public func value(in parameters: DecodingParameters) -> Double? {
        parameters.value(name) ?? defaultValue
    }

    /// `value(in:)` clamped to the range (its lower end when there is neither value nor default).
    /// Strategies whose default differs from the shared one read their own copy
    /// (`defaulting(to:)`), the one their descriptor lists.
    public func clampedValue(in parameters: DecodingParameters) -> Double {
        min(max(value(in: parameters) ?? range.lowerBound, range.lowerBound), range.upperBound)
    }

    /// `clampedValue(in:)` rounded, for whole-number parameters.
    public func integer(in parameters: DecodingParameters) -> Int {
        Int(clampedValue(in: parameters).rounded())
    }
}
