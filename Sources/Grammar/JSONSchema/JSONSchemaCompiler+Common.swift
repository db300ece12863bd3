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
            let hex = GrammarExpression.characters(CodePointSet([0x30...0x39, 0x41...0x46, 0x61...0x66]))
            body = .sequence([.literal("\\"), .choice([.characters(CodePointSet(Array("\"\\/bfnrt".unicodeScalars).map { $0.value...$0.value })),
                                                      .sequence([.literal("u"), .repeated(hex, min: 4, max: 4)])])])
        case "json-number":
            body = .sequence([integer, .optional(DecimalRange.fraction),
                              .optional(.sequence([.characters(CodePointSet([0x45...0x45, 0x65...0x65])), .optional(.characters(CodePointSet([0x2B...0x2B, 0x2D...0x2D]))), .repeated(digit, min: 1, max: nil)]))])
        default:
            body = integer
        }
        rules.append((name, body))
        return .rule(name)
    }

    /// Characters a JSON string cannot hold unescaped (and DEL, which output escapes too).
    static let stringSpecials = CodePointSet([0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x7F...0x7F])
}
