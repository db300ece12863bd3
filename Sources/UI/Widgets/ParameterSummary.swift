import Decoding

/// The parameters in use, abbreviated for the header: first those that shape the strategy
/// (the sampler chain's default stages "T 0.80 k 40 p 0.95 min-p 0.05", or the temperature and
/// the strategy's first own ones "T 0.80 draft 3 n-gram 3"), then every other one the user moved
/// off its default: a sampler setting off llama.cpp's, a switch by its name ("k-seq", "no-adaptive"),
/// a choice of method by the method's ("proposal awrs").
/// Values are those the strategy really uses (its defaults while unset).
enum ParameterSummary {
    static func items(_ strategy: StrategyDescriptor?, _ parameters: DecodingParameters) -> [String] {
        guard let strategy else { return [] }
        let own = strategy.ownParameters
        let headline = own.isEmpty ? Array(strategy.parameters.prefix(4))
            : strategy.parameters.filter { $0.name == "temperature" } + own.prefix(3)
        let moved = strategy.parameters.filter { descriptor in
            !headline.contains(descriptor) && descriptor.value(in: parameters) != defaultValue(of: descriptor)
        }
        return (headline + moved).compactMap { item($0, in: parameters) }
    }

    /// What the parameter is while nobody sets it: the strategy's default, or for the sampler's
    /// settings (always held in `DecodingParameters`) llama.cpp's.
    private static func defaultValue(of descriptor: ParameterDescriptor) -> Double? {
        DecodingParameters().value(descriptor.name) ?? descriptor.defaultValue
    }

    private static func item(_ descriptor: ParameterDescriptor, in parameters: DecodingParameters) -> String? {
        guard let value = descriptor.value(in: parameters) else { return nil }
        let name = shortNames[descriptor.name] ?? descriptor.name
        let choice = descriptor.integer(in: parameters)
        if let choices = choiceNames[descriptor.name], choices.indices.contains(choice) { return "\(name) \(choices[choice])" }
        if isSwitch(descriptor) { return value >= 0.5 ? name : switchedOffNames[descriptor.name] ?? "no-\(name)" }
        return "\(name) \(Format.parameter(value, of: descriptor))"
    }

    private static func isSwitch(_ descriptor: ParameterDescriptor) -> Bool {
        descriptor.range == 0...1 && descriptor.step == 1
    }

    private static let shortNames = [
        "temperature": "T", "top-k": "k", "top-p": "p", "min-p": "min-p", "typical-p": "typical", "repeat-penalty": "repeat",
        "frequency-penalty": "freq", "presence-penalty": "presence", "penalty-window": "pen-window", "beam-width": "beams",
        "length-penalty": "α", "draft-length": "draft", "ngram-size": "n-gram", "exit-layer": "exit", "tree-width": "width",
        "tree-depth": "depth", "tree-size": "tree", "lookahead-ngram": "n-gram", "pool-size": "pool", "skip-layers": "skip",
        "adaptive-draft": "adaptive", "lookup-leads": "lead", "draft-threshold": "min", "particles": "N", "ess-threshold": "τ",
        "estimator": "est",
    ]

    /// Parameters that pick one of several methods by number, with each method's name in
    /// order (the descriptors' summaries say which number is which): "proposal awrs" says what
    /// "proposal 1" or a switch's "no-proposal" would not.
    private static let choiceNames = [
        "proposal": ["mask", "awrs"], "estimator": ["two-round", "recursive", "geometric"],
    ]

    /// Switches whose "no-" form would read as a double negative.
    private static let switchedOffNames = ["without-replacement": "with-replacement"]
}
