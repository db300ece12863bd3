/// The knobs the speculative strategies share, with their names in `DecodingParameters.extra`.
public enum SpeculativeParameters {
    public static let draftLength = ParameterDescriptor(
        name: "draft-length", summary: "most tokens drafted per round", range: 1...32, step: 1)
    public static let ngramSize = ParameterDescriptor(
        name: "ngram-size", summary: "longest n-gram prompt lookup matches", range: 1...8, step: 1)
    public static let exitLayer = ParameterDescriptor(
        name: "exit-layer", summary: "layers the early-exit draft runs before the head", range: 1...64, step: 1)

    /// A whole-number parameter, its default when unset, clamped to its range.
    public static func integer(_ parameter: ParameterDescriptor, in parameters: DecodingParameters, default value: Int) -> Int {
        let chosen = parameters.value(parameter.name) ?? Double(value)
        return Int(min(max(chosen, parameter.range.lowerBound), parameter.range.upperBound).rounded())
    }
}
