import Decoding
import Inference

extension RunConfiguration {
    /// Most tokens a run may ask for: what `generate -n` accepts.
    public static let maxNewTokensRange = 0...Int(Int32.max)

    /// The first setting the command line would refuse, as "field PATH = V is outside A…B"
    /// with PATH as the JSON has it below `root` ("configuration" in a trace header); nil when
    /// every setting is accepted. A trace header may be edited by hand, and an out-of-range
    /// value would otherwise run silently.
    public func refusedSetting(under root: String) -> String? {
        guard StrategyCatalog.descriptor(named: strategy) != nil else {
            return "field \(root).strategy = \(strategy.debugDescription) is not one of \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", "))"
        }
        let known = StrategyCatalog.allParameters
        for descriptor in known {
            guard let value = parameters.value(descriptor.name) else { continue }
            let field = "field \(root).parameters.\(DecodingParameters.codingPath(of: descriptor.name)) = \(Self.text(value))"
            if !descriptor.range.contains(value) { return "\(field) is outside \(descriptor.rangeText)" }
            if descriptor.isWholeNumber, value != value.rounded() { return "\(field) is not a whole number" }
        }
        if let unknown = parameters.extra.keys.sorted().first(where: { name in !known.contains { $0.name == name } }) {
            return "field \(root).parameters.extra.\(unknown) is not a parameter of any strategy"
        }
        if prompt.isEmpty { return "field \(root).prompt is empty: a run needs at least one prompt token" }
        guard Self.maxNewTokensRange.contains(maxNewTokens) else {
            return "field \(root).maxNewTokens = \(maxNewTokens) is outside \(Self.maxNewTokensRange.lowerBound)…\(Self.maxNewTokensRange.upperBound)"
        }
        return nil
    }

    /// The first token id outside a vocabulary of `size` (in the prompt or the logit bias), a
    /// min-keep beyond it, or a count of layers beyond a model of `layerCount` layers, named like
    /// `refusedSetting`; nil when all fit. Checked once the model is known: such a header would
    /// fail inside the run or be silently ignored.
    public func refusedOnModel(vocabularySize size: Int, layerCount: Int, under root: String) -> String? {
        let fits = { (token: TokenID) in token >= 0 && Int(token) < size }
        if let index = prompt.firstIndex(where: { !fits($0) }) {
            return "field \(root).prompt[\(index)] = \(prompt[index]) is outside the vocabulary 0…\(size - 1)"
        }
        if let token = parameters.sampler.logitBias.keys.sorted().first(where: { !fits($0) }) {
            return "field \(root).parameters.sampler.logitBias names token \(token), outside the vocabulary 0…\(size - 1)"
        }
        guard (0...size).contains(parameters.sampler.minKeep) else {
            return "field \(root).parameters.sampler.minKeep = \(parameters.sampler.minKeep) is outside 0…\(size)"
        }
        if let beyond = parameters.layerCountBeyondModel(of: layerCount, among: StrategyCatalog.allParameters) {
            return "field \(root).parameters.\(DecodingParameters.codingPath(of: beyond.descriptor.name)) = \(Self.text(beyond.value)) is outside "
                + "\(Self.text(beyond.allowed.lowerBound))…\(Self.text(beyond.allowed.upperBound)) on this model of \(layerCount) layers"
        }
        return nil
    }

    /// Whole values without a fraction ("-7", not "-7.0"), as they were most likely written.
    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
