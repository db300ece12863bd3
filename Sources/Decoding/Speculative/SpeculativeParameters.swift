/// The knobs the speculative strategies share, with their names in `DecodingParameters.extra`.
public enum SpeculativeParameters {
    public static let draftLength = ParameterDescriptor(
        name: "draft-length", summary: "most tokens drafted per round", range: 1...32, step: 1)
    public static let ngramSize = ParameterDescriptor(
        name: "ngram-size", summary: "longest n-gram prompt lookup matches", range: 1...8, step: 1, defaultValue: 3)
    public static let exitLayer = ParameterDescriptor(
        name: "exit-layer", summary: "layers the early-exit draft runs before the head", range: 1...64, step: 1, defaultValue: 24, layersToLeave: 1)
    public static let treeWidth = ParameterDescriptor(
        name: "tree-width", summary: "children per expanded node, and nodes expanded per depth", range: 1...8, step: 1, defaultValue: 2)
    public static let treeDepth = ParameterDescriptor(
        name: "tree-depth", summary: "deepest level of the draft tree", range: 1...16, step: 1, defaultValue: 3)
    public static let siblingsWithoutReplacement = ParameterDescriptor(
        name: "without-replacement", summary: "1: sampled siblings drawn without replacement (RSD), 0: independently (SpecInfer)",
        range: 0...1, step: 1, defaultValue: 1)
    public static let kSequence = ParameterDescriptor(
        name: "k-seq", summary: "1: sampled siblings drawn independently and judged by SpecTr's K-SEQ rule", range: 0...1, step: 1, defaultValue: 0)
    public static let draftThreshold = ParameterDescriptor(
        name: "draft-threshold", summary: "draft a node only if its estimated path probability reaches this", range: 0...1, step: 0.05, defaultValue: 0.3)
    public static let treeSize = ParameterDescriptor(
        name: "tree-size", summary: "draft tree nodes verified per target pass", range: 1...128, step: 4)
    public static let lookaheadNgram = ParameterDescriptor(
        name: "lookahead-ngram", summary: "n-gram length lookahead collects and verifies (window levels + 1)", range: 2...8, step: 1, defaultValue: 3)
    public static let windowWidth = ParameterDescriptor(
        name: "window", summary: "Jacobi window width (guessed positions per level)", range: 1...32, step: 1)
    public static let poolSize = ParameterDescriptor(
        name: "pool-size", summary: "n-grams kept per first token, all verified each pass", range: 1...32, step: 1, defaultValue: 2)
    public static let skipLayers = ParameterDescriptor(
        name: "skip-layers", summary: "layers the layer-skip draft leaves out", range: 1...62, step: 1, defaultValue: 8, layersToLeave: 2)
    public static let adaptiveDraft = ParameterDescriptor(
        name: "adaptive-draft", summary: "1: draft length grows while drafts pass, shrinks on rejection (PEARL)", range: 0...1, step: 1, defaultValue: 1)
    public static let lookupLeads = ParameterDescriptor(
        name: "lookup-leads", summary: "1: a prompt-lookup continuation leads the Jacobi window, 0: redraws lead (lookup only fills new positions)", range: 0...1, step: 1, defaultValue: 1)
}
