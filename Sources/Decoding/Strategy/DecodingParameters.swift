/// Every parameter a strategy may read. One value travels with the run (and the trace), so
/// switching strategy keeps the user's settings.
public struct DecodingParameters: Sendable, Codable, Equatable {
    public var sampler = SamplerSettings()
    public var beamWidth = 4
    /// Beams are ranked by `logP / length^lengthPenalty`.
    public var lengthPenalty = 1.0
    /// Numbers of later strategies (draft length, particles, ...), by parameter name.
    public var extra: [String: Double] = [:]
    public var constraint: ConstraintSpec?

    public init() {}

    /// The parameters every strategy using the sampler chain exposes.
    public static let samplerParameters: [ParameterDescriptor] = [
        ParameterDescriptor(name: "temperature", summary: "divide logits by T; 0 is greedy", range: 0...5, step: 0.1),
        ParameterDescriptor(name: "top-k", summary: "keep the k most probable tokens (0: off)", range: 0...1000, step: 5),
        ParameterDescriptor(name: "top-p", summary: "keep the smallest set with mass ≥ p (1: off)", range: 0...1, step: 0.05),
        ParameterDescriptor(name: "min-p", summary: "keep tokens with p ≥ min-p · p_max (0: off)", range: 0...1, step: 0.01),
        ParameterDescriptor(name: "typical-p", summary: "locally typical sampling mass (1: off)", range: 0...1, step: 0.05),
        ParameterDescriptor(name: "repeat-penalty", summary: "penalise tokens seen in the window (1: off)", range: 0.05...3, step: 0.05),
        ParameterDescriptor(name: "frequency-penalty", summary: "subtract per occurrence in the window", range: -2...2, step: 0.1),
        ParameterDescriptor(name: "presence-penalty", summary: "subtract once if seen in the window", range: -2...2, step: 0.1),
        ParameterDescriptor(name: "penalty-window", summary: "tokens the penalties look back (-1: all)", range: -1...4096, step: 16),
    ]

    public func value(_ name: String) -> Double? {
        switch name {
        case "temperature": sampler.temperature
        case "top-k": Double(sampler.topK)
        case "top-p": sampler.topP
        case "min-p": sampler.minP
        case "typical-p": sampler.typicalP
        case "repeat-penalty": sampler.repeatPenalty
        case "frequency-penalty": sampler.frequencyPenalty
        case "presence-penalty": sampler.presencePenalty
        case "penalty-window": Double(sampler.penaltyWindow)
        case "beam-width": Double(beamWidth)
        case "length-penalty": lengthPenalty
        default: extra[name]
        }
    }

    /// Where the parameter `name` sits in this type's JSON ("sampler.topK", "beamWidth",
    /// "extra.draft-length"), so an error about a trace header can name the field as written.
    public static func codingPath(of name: String) -> String {
        let words = name.split(separator: "-")
        let property = words.prefix(1).joined() + words.dropFirst().map(\.capitalized).joined()
        if samplerParameters.contains(where: { $0.name == name }) { return "sampler." + property }
        return ["beam-width", "length-penalty"].contains(name) ? property : "extra." + name
    }

    /// Sets a parameter by name; names that are not built in are kept in `extra` for the
    /// strategy that declares them (the Engine checks the name against the strategy first).
    public mutating func set(_ name: String, to value: Double) {
        switch name {
        case "temperature": sampler.temperature = value
        case "top-k": sampler.topK = Int(value.rounded())
        case "top-p": sampler.topP = value
        case "min-p": sampler.minP = value
        case "typical-p": sampler.typicalP = value
        case "repeat-penalty": sampler.repeatPenalty = value
        case "frequency-penalty": sampler.frequencyPenalty = value
        case "presence-penalty": sampler.presencePenalty = value
        case "penalty-window": sampler.penaltyWindow = Int(value.rounded())
        case "beam-width": beamWidth = max(1, Int(value.rounded()))
        case "length-penalty": lengthPenalty = value
        default: extra[name] = value
        }
    }
}
