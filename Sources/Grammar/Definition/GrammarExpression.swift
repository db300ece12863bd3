/// A grammar rule body, the common language GBNF, regular expressions and JSON Schema all
/// compile to before being lowered to the byte-level `Grammar`.
public indirect enum GrammarExpression: Sendable, Equatable {
    /// The items one after the other; the empty sequence matches the empty string.
    case sequence([GrammarExpression])
    /// Any one of the alternatives.
    case choice([GrammarExpression])
    /// Exactly these characters (matched as their UTF-8 bytes).
    case literal(String)
    /// One character from the set.
    case characters(CodePointSet)
    /// A reference to a named rule of the same definition.
    case rule(String)
    /// The item repeated between `min` and `max` times (`max` nil: unbounded).
    case repeated(GrammarExpression, min: Int, max: Int?)

    public static let empty = GrammarExpression.sequence([])

    public static func optional(_ item: GrammarExpression) -> GrammarExpression {
        .repeated(item, min: 0, max: 1)
    }
}
