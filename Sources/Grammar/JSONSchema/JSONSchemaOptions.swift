/// How a JSON Schema becomes a grammar.
public struct JSONSchemaOptions: Sendable {
    public enum Whitespace: Sendable {
        /// No whitespace anywhere: the canonical compact form (the default; fewer tokens).
        case compact
        /// Optional whitespace between tokens as pretty-printers write it (bounded; see
        /// `JSONSchemaCompiler.whitespace`), as a model might write by habit.
        case flexible
    }

    public var whitespace: Whitespace
    /// Ignore unsupported keywords (reported as warnings) instead of refusing the schema.
    public var lenient: Bool

    public init(whitespace: Whitespace = .compact, lenient: Bool = false) {
        self.whitespace = whitespace
        self.lenient = lenient
    }
}
