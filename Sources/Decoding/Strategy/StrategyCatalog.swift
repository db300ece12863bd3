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
        Entry(descriptor: SpeculativeTreeStrategy.descriptor) { SpeculativeTreeStrategy(parameters: $0) },
        Entry(descriptor: TokenRecyclingStrategy.descriptor) { TokenRecyclingStrategy(parameters: $0) },
        Entry(descriptor: LookaheadStrategy.descriptor) { LookaheadStrategy(parameters: $0) },
        Entry(descriptor: SpeculativeLayerSkipStrategy.descriptor) { SpeculativeLayerSkipStrategy(parameters: $0) },
        Entry(descriptor: ConstrainedMaskStrategy.descriptor) { try ConstrainedMaskStrategy(parameters: $0) },
        Entry(descriptor: ConstrainedCheckStrategy.descriptor) { try ConstrainedCheckStrategy(parameters: $0) },
        Entry(descriptor: AWRSStrategy.descriptor) { try AWRSStrategy(parameters: $0) },
        Entry(descriptor: SMCStrategy.descriptor) { try SMCStrategy(parameters: $0) },
        Entry(descriptor: ASApStrategy.descriptor) { try ASApStrategy(parameters: $0) },
        Entry(descriptor: SpeculativeTrigramStrategy.descriptor) { SpeculativeTrigramStrategy(parameters: $0) },
        Entry(descriptor: SpeculativeDynamicExitStrategy.descriptor) { SpeculativeDynamicExitStrategy(parameters: $0) },
        Entry(descriptor: SpeculativeJacobiStrategy.descriptor) { SpeculativeJacobiStrategy(parameters: $0) },
    ]

    public static var descriptors: [StrategyDescriptor] { entries.map(\.descriptor) }

    /// Every parameter any strategy reads, each name once (the sampler's first): what the
    /// command line accepts as flags and what a trace header is checked against.
    public static var allParameters: [ParameterDescriptor] {
        var seen: Set<String> = []
        return (DecodingParameters.samplerParameters + descriptors.flatMap(\.parameters)).filter { seen.insert($0.name).inserted }
    }

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
