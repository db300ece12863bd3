extension JSONSchemaCompiler {
    /// Optional whitespace between JSON tokens: nothing in compact mode. Flexible mode allows
    /// what pretty-printers write — a space, or one or two line breaks and an indent of up to 20
    /// spaces or tabs — and no more, so a model cannot spend its whole budget on blank lines.
    var whitespace: GrammarExpression {
        switch options.whitespace {
        case .compact: .empty
        case .flexible:
            .optional(.choice([
                .literal(" "),
                .sequence([.repeated(.literal("\n"), min: 1, max: 2), .repeated(.characters(CodePointSet([0x09...0x09, 0x20...0x20])), min: 0, max: 20)]),
            ]))
        }
    }

    var comma: GrammarExpression { .sequence([whitespace, .literal(","), whitespace]) }
    var colon: GrammarExpression { .sequence([whitespace, .literal(":"), whitespace]) }

    /// A shared rule for generic JSON, defined the first time it is used.
    mutating func common(_ name: String) -> GrammarExpression {
        guard !definedCommonRules.contains(name) else { return .rule(name) }
        definedCommonRules.insert(name)
        let digit = DecimalRange.digit
        let integer = GrammarExpression.sequence([
            .optional(.literal("-")),
            .choice([.literal("0"), .sequence([.characters(CodePointSet([0x31...0x39])), .repeated(digit, min: 0, max: nil)])]),
        ])
        let body: GrammarExpression
        switch name {
        case "json-value":
            body = .choice([common("json-object"), common("json-array"), common("json-string"), common("json-number"),
                            .literal("true"), .literal("false"), .literal("null")])
        case "json-object":
            let member = GrammarExpression.sequence([common("json-string"), colon, common("json-value")])
            body = .sequence([.literal("{"), whitespace, .optional(.sequence([member, .repeated(.sequence([comma, member]), min: 0, max: nil)])), whitespace, .literal("}")])
        case "json-array":
            let item = common("json-value")
            body = .sequence([.literal("["), whitespace, .optional(.sequence([item, .repeated(.sequence([comma, item]), min: 0, max: nil)])), whitespace, .literal("]")])
        case "json-string":
            body = .sequence([.literal("\""), .repeated(common("json-char"), min: 0, max: nil), .literal("\"")])
        case "json-char":
            body = .choice([.characters(Self.stringSpecials.inverted), common("json-escape")])
        case "json-escape":
            body = .choice([Self.shortEscape, Self.unicodeEscapes(0...0xFFFF)])
        case "json-code-point":
            // One character as JSON Schema counts them (code points): a surrogate pair escape
            // is one; a lone surrogate escape is no character at all, so it is left out.
            body = .choice([.characters(Self.stringSpecials.inverted), Self.shortEscape,
                            Self.unicodeEscapes(0...0xD7FF), Self.unicodeEscapes(0xE000...0xFFFF),
                            .sequence([Self.unicodeEscapes(0xD800...0xDBFF), Self.unicodeEscapes(0xDC00...0xDFFF)])])
        case "json-number":
            body = .sequence([integer, .optional(DecimalRange.fraction),
                              .optional(.sequence([.characters(CodePointSet([0x45...0x45, 0x65...0x65])), .optional(.characters(CodePointSet([0x2B...0x2B, 0x2D...0x2D]))), .repeated(digit, min: 1, max: nil)]))])
        default:
            body = integer
        }
        rules.append((name, body))
        return .rule(name)
    }

    static let shortEscape = GrammarExpression.sequence([.literal("\\"), .characters(CodePointSet(shortEscapes.map { $0.letter.value...$0.letter.value }))])

    /// Characters a JSON string cannot hold unescaped (and DEL, which output escapes too).
    static let stringSpecials = CodePointSet([0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x7F...0x7F])
}
