/// Named rules and the rule a whole text must match, before lowering to bytes.
public struct GrammarDefinition: Sendable, Equatable {
    public var rules: [(name: String, body: GrammarExpression)]
    public var root: String
    /// What the matched texts are, for messages: "text", or "JSON value" for a schema.
    public var textNoun: String

    public init(rules: [(name: String, body: GrammarExpression)], root: String = "root", textNoun: String = "text") {
        self.rules = rules
        self.root = root
        self.textNoun = textNoun
    }

    public static func == (lhs: GrammarDefinition, rhs: GrammarDefinition) -> Bool {
        lhs.root == rhs.root && lhs.textNoun == rhs.textNoun && lhs.rules.elementsEqual(rhs.rules) { $0.name == $1.name && $0.body == $1.body }
    }
}
