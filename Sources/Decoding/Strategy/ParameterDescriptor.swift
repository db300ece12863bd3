/// A tunable number of a strategy, as the UI and `set parameter` see it.
public struct ParameterDescriptor: Sendable, Codable, Equatable {
    public var name: String
    public var summary: String
    public var range: ClosedRange<Double>
    /// How far one key press moves it.
    public var step: Double

    public init(name: String, summary: String, range: ClosedRange<Double>, step: Double) {
        self.name = name
        self.summary = summary
        self.range = range
        self.step = step
    }
}
