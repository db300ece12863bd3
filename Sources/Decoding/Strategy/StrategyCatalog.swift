/// Every strategy DecodeLab knows, in picker order (number keys 1-9 follow this order).
public enum StrategyCatalog {
    public struct Entry: Sendable {
        public var descriptor: StrategyDescriptor
        public var make: @Sendable (DecodingParameters) throws -> any DecodingStrategy
    }

    public static let entries: [Entry] = [
        Entry(descriptor: GreedyStrategy.descriptor) { _ in GreedyStrategy() },
        Entry(descriptor: SamplingStrategy.descriptor) { SamplingStrategy(settings: $0.sampler) },
        Entry(descriptor: BeamSearchStrategy.descriptor) { BeamSearchStrategy(width: $0.beamWidth, lengthPenalty: $0.lengthPenalty) },
        Entry(descriptor: SpeculativeLookupStrategy.descriptor) { SpeculativeLookupStrategy(parameters: $0) },
        Entry(descriptor: SpeculativeEarlyExitStrategy.descriptor) { SpeculativeEarlyExitStrategy(parameters: $0) },
    ]

    public static var descriptors: [StrategyDescriptor] { entries.map(\.descriptor) }

    public static func descriptor(named name: String) -> StrategyDescriptor? {
        entries.first { $0.descriptor.name == name }?.descriptor
    }

    /// A fresh strategy (no state from earlier runs) configured by `parameters`.
    public static func make(_ name: String, parameters: DecodingParameters) throws -> any DecodingStrategy {
        guard let entry = entries.first(where: { $0.descriptor.name == name }) else {
            throw UnknownStrategy(name: name)
        }
        return try entry.make(parameters)
    }
}
