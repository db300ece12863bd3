import Grammar

extension ConstraintSpec {
    /// How a JSON Schema constraint is converted.
    public var jsonSchemaOptions: JSONSchemaOptions {
        JSONSchemaOptions(whitespace: whitespace.jsonSchema, lenient: lenient)
    }

    /// The grammar of this constraint; errors name `origin` (the file) with line and column.
    func compile() throws(GrammarError) -> Grammar {
        switch kind {
        case .gbnf: try Grammar(gbnf: source, source: name)
        case .regex: try Grammar(regex: source, source: name)
        case .jsonSchema: try Grammar(jsonSchema: source, options: jsonSchemaOptions, source: name)
        }
    }

    /// What the constraint is accepted with but deserves a warning for, one line each without
    /// `origin`: a schema's ignored keywords, parts no value satisfies and approximations
    /// (`JSONSchemaConversion.warnings`), a grammar's rule defined twice (`GBNFDocument.warnings`).
    public func warnings() throws(GrammarError) -> [String] {
        switch kind {
        case .gbnf: try GBNFDocument(parsing: source, source: name).warnings
        case .regex: []
        case .jsonSchema: try JSONSchemaConversion(schema: source, options: jsonSchemaOptions, source: name).warnings
        }
    }

    /// What messages call the constraint: its file, or its kind.
    private var name: String { origin ?? kind.rawValue }

    /// Whether `text` is a whole text of the constraint (not only a prefix of one), as decoding
    /// cut by a length limit may leave it.
    public func isComplete(_ text: some Sequence<UInt8>) throws(GrammarError) -> Bool {
        Recognizer(try compile()).matches(text)
    }

    /// The grammar a constrained strategy named `strategy` runs with.
    static func grammar(of constraint: ConstraintSpec?, for strategy: String) throws(ConstraintError) -> Grammar {
        guard let constraint else { throw .missing(strategy: strategy) }
        let grammar: Grammar
        do {
            grammar = try constraint.compile()
        } catch {
            throw .invalid(strategy: strategy, error)
        }
        // Decoding could never end: every end-of-text token would stay masked.
        if let nothingMatches = grammar.nothingMatches {
            throw .invalid(strategy: strategy, GrammarError(source: grammar.source, problem: nothingMatches))
        }
        return grammar
    }
}

extension ConstraintSpec.Whitespace {
    /// The Grammar module's name for this policy.
    public var jsonSchema: JSONSchemaOptions.Whitespace {
        switch self {
        case .compact: .compact
        case .flexible: .flexible
        }
    }
}
