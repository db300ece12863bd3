/// A constraint as the user gave it; the constrained strategies compile it with the Grammar
/// module. The Engine only stores it and hands it to strategies (hook for the constrained family).
public struct ConstraintSpec: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case gbnf, regex, jsonSchema = "json-schema"
    }

    /// Where a JSON Schema's output may put whitespace between JSON tokens.
    public enum Whitespace: String, Sendable, Codable {
        /// None: the canonical compact form, fewest tokens.
        case compact
        /// Optional spaces, tabs and newlines, as a model may write out of habit.
        case flexible
    }

    public var kind: Kind
    /// The grammar, regex or schema text.
    public var source: String
    /// Where it came from (file path), for error messages.
    public var origin: String?
    /// JSON Schema only: the whitespace policy.
    public var whitespace: Whitespace
    /// JSON Schema only: ignore unsupported keywords instead of refusing the schema.
    public var lenient: Bool

    public init(kind: Kind, source: String, origin: String? = nil, whitespace: Whitespace = .compact, lenient: Bool = false) {
        self.kind = kind
        self.source = source
        self.origin = origin
        self.whitespace = whitespace
        self.lenient = lenient
    }

    private enum CodingKeys: String, CodingKey {
        case kind, source, origin, whitespace, lenient
    }

    /// Traces written before the JSON Schema options existed decode with the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        source = try container.decode(String.self, forKey: .source)
        origin = try container.decodeIfPresent(String.self, forKey: .origin)
        whitespace = try container.decodeIfPresent(Whitespace.self, forKey: .whitespace) ?? .compact
        lenient = try container.decodeIfPresent(Bool.self, forKey: .lenient) ?? false
    }
}
