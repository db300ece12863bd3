/// A constraint as the user gave it; the constrained strategies compile it with the Grammar
/// module. The Engine only stores it and hands it to strategies (hook for the constrained family).
public struct ConstraintSpec: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case gbnf, regex, jsonSchema = "json-schema"
    }

    public var kind: Kind
    /// The grammar, regex or schema text.
    public var source: String
    /// Where it came from (file path), for error messages.
    public var origin: String?

    public init(kind: Kind, source: String, origin: String? = nil) {
        self.kind = kind
        self.source = source
        self.origin = origin
    }
}
