extension JSONSchemaCompiler {
    mutating func array(_ schema: JSONValue, at path: String) throws(GrammarError) -> GrammarExpression {
        let prefix: [JSONValue]
        let rest: JSONValue
        if let prefixItems = schema["prefixItems"]?.elements {
            prefix = prefixItems
            rest = schema["items"] ?? .bool(true)
        } else if let tuple = schema["items"]?.elements {
            prefix = tuple
            rest = schema["additionalItems"] ?? .bool(true)
        } else {
            prefix = []
            rest = schema["items"] ?? .bool(true)
        }
        let minItems = count("minItems", in: schema) ?? 0
        let maxItems = count("maxItems", in: schema)
        if let maxItems, minItems > maxItems { return .choice([]) }
        var elements: [GrammarExpression] = []
        for (index, item) in prefix.enumerated() where index < (maxItems ?? prefix.count) {
            elements.append(try subschema(item, at: "\(path)/prefixItems/\(index)"))
        }
        let restElement: GrammarExpression? = rest == .bool(false) ? nil : try subschema(rest, at: "\(path)/items")
        let body = try items(from: 0, elements: elements, rest: restElement, minItems: minItems, maxItems: maxItems)
        return .sequence([.literal("["), whitespace, body, whitespace, .literal("]")])
    }

    /// The elements from `index` on: the tuple part one by one (optional once `minItems` is
    /// met), then the rest schema repeated within the remaining bounds.
    private func items(from index: Int, elements: [GrammarExpression], rest: GrammarExpression?, minItems: Int, maxItems: Int?) throws(GrammarError) -> GrammarExpression {
        if let maxItems, index >= maxItems { return .empty }
        let separator: [GrammarExpression] = index == 0 ? [] : [comma]
        if index < elements.count {
            let this = GrammarExpression.sequence(separator + [elements[index], try items(from: index + 1, elements: elements, rest: rest, minItems: minItems, maxItems: maxItems)])
            return index < minItems ? this : .optional(this)
        }
        let needed = max(minItems - index, 0)
        guard let rest else { return needed > 0 ? .choice([]) : .empty }
        let more = maxItems.map { $0 - index }
        let next = GrammarExpression.sequence([comma, rest])
        guard index == 0 else { return .repeated(next, min: needed, max: more) }
        let run = GrammarExpression.sequence([rest, .repeated(next, min: max(needed - 1, 0), max: more.map { $0 - 1 })])
        return needed > 0 ? run : .optional(run)
    }

    mutating func object(_ schema: JSONValue, at path: String) throws(GrammarError) -> GrammarExpression {
        let requiredNames = (schema["required"]?.elements ?? []).compactMap(\.stringValue)
        var names = (schema["properties"]?.members ?? []).map(\.key)
        for name in requiredNames where !names.contains(name) { names.append(name) }
        let patterns = PropertyPattern.all(in: schema, at: path)
        let additional = schema["additionalProperties"] ?? .bool(true)
        reportInexactPatterns(patterns, additional: additional, declared: names, at: path)
        let undeclaredKey: GrammarExpression = names.isEmpty ? common("json-string")
            : .sequence([.literal("\""), stringContent(excluding: names), .literal("\"")])
        var extras: [GrammarExpression] = []
        for pattern in keyedPatterns(patterns) {
            let key = jsonEncoded(regex: pattern.pattern, search: true, at: "\(path)/patternProperties")
            extras.append(.sequence([.literal("\""), key, .literal("\""), colon, try subschema(pattern.schema, at: pattern.path)]))
        }
        if let everyName = patterns.first(where: \.matchesEveryName) {
            extras.append(.sequence([undeclaredKey, colon, try subschema(everyName.schema, at: everyName.path)]))
        } else if additional != .bool(false) {
            extras.append(.sequence([undeclaredKey, colon, try subschema(additional, at: "\(path)/additionalProperties")]))
        }
        let extra: GrammarExpression? = extras.isEmpty ? nil : (extras.count == 1 ? extras[0] : .choice(extras))
        let minProperties = count("minProperties", in: schema)
        let maxProperties = count("maxProperties", in: schema)
        if !names.isEmpty, minProperties != nil || maxProperties != nil {
            report("minProperties/maxProperties together with properties or required at \(path)")
        }
        let countBounds = names.isEmpty ? (minProperties ?? 0, maxProperties) : (0, nil)
        if let maximum = countBounds.1, countBounds.0 > maximum { return .choice([]) }

        // Two rules per position: members from i on when nothing was written yet ("first") or
        // after a member (each then needs a leading comma); linear in the number of properties.
        let base = newRuleName(at: path)
        func name(_ index: Int, _ first: Bool) -> String { "\(base)-\(index)\(first ? "f" : "r")" }
        for first in [true, false] {
            var tail = GrammarExpression.empty
            if let extra {
                let (least, most) = countBounds
                if first {
                    let run = GrammarExpression.sequence([extra, .repeated(.sequence([comma, extra]), min: max(least - 1, 0), max: most.map { max($0 - 1, 0) })])
                    tail = most == 0 ? .empty : (least > 0 ? run : .optional(run))
                } else {
                    tail = .repeated(.sequence([comma, extra]), min: 0, max: nil)
                }
            } else if first, countBounds.0 > 0 {
                tail = .choice([])
            }
            rules.append((name(names.count, first), tail))
        }
        for (index, property) in names.enumerated().reversed() {
            let value = try memberValue(property, in: schema, patterns: patterns, at: path)
            for first in [true, false] {
                let member = GrammarExpression.sequence((first ? [] : [comma]) + [.literal(JSONValue.string(property).compactText), colon, value, .rule(name(index + 1, false))])
                let body = requiredNames.contains(property) ? member : .choice([member, .rule(name(index + 1, first))])
                rules.append((name(index, first), body))
            }
        }
        return .sequence([.literal("{"), whitespace, .rule(name(0, true)), whitespace, .literal("}")])
    }
}
