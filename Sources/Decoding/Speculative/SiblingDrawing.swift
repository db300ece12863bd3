/// How the siblings of one tree level were drawn from their shared draft distribution q, which
/// decides the proposal each sibling must be judged against for the output to stay exactly p.
public enum SiblingDrawing: String, Sendable, Codable, CaseIterable {
    /// Independently from q (a chain is the one-sibling case; SpecInfer trees).
    case independent
    /// Without replacement (RSD: Gumbel-top-k): sibling j comes from q with the tokens of
    /// siblings 1..j-1 removed and renormalised.
    case withoutReplacement

    /// How a reader is told, in the drafter's label ("siblings drawn without replacement").
    public var phrase: String {
        switch self {
        case .independent: "drawn independently"
        case .withoutReplacement: "drawn without replacement"
        }
    }
}
