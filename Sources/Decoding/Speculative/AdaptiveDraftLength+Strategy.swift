extension AdaptiveDraftLength {
    /// The length a chain strategy asked for: `length` (its draft length or window, with the
    /// strategy's default) as the maximum and, when `adaptive-draft` is 1, PEARL's adaptation
    /// starting from one token.
    public static func configured(by parameters: DecodingParameters, length: ParameterDescriptor) -> AdaptiveDraftLength {
        let maximum = length.integer(in: parameters)
        let adaptive = SpeculativeParameters.adaptiveDraft.integer(in: parameters) == 1
        return AdaptiveDraftLength(initial: 1, maximum: maximum, adaptive: adaptive)
    }

    /// After a round of a chain drafter: its drafted nodes and the accepted path.
    public mutating func record(_ result: StepResult) {
        guard case .draftTree(let trace) = result.payload else { return }
        record(drafted: trace.nodes.count, accepted: trace.acceptedPath.count)
    }

    /// What a drafter label adds for this length: nothing when it is fixed.
    public var labelNote: String {
        isAdaptive ? ", adaptive length \(current)/\(maximum)" : ""
    }
}
