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
        let minItems = schema["minItems"]?.numberValue.map { max(Int($0), 0) } ?? 0
        let maxItems = schema["maxItems"]?.numberValue.map { max(Int($0), 0) }
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
        let required = Set((schema["required"]?.elements ?? []).compactMap(\.stringValue))
        var declared = schema["properties"]?.members ?? []
        for name in (schema["required"]?.elements ?? []).compactMap(\.stringValue) where !declared.contains(where: { $0.key == name }) {
            declared.append((name, .bool(true)))
        }
        var extras: [GrammarExpression] = []
        for (pattern, value) in schema["patternProperties"]?.members ?? [] {
            let key = jsonEncoded(regex: pattern, search: true, at: "\(path)/patternProperties")
            extras.append(.sequence([.literal("\""), key, .literal("\""), colon, try subschema(value, at: "\(path)/patternProperties/\(pattern)")]))
        }
        let additional = schema["additionalProperties"] ?? .bool(true)
        if additional != .bool(false) {
            let key: GrammarExpression = declared.isEmpty ? common("json-string")
                : .sequence([.literal("\""), stringContent(excluding: declared.map(\.key)), .literal("\"")])
            extras.append(.sequence([key, colon, try subschema(additional, at: "\(path)/additionalProperties")]))
        }
        let extra: GrammarExpression? = extras.isEmpty ? nil : (extras.count == 1 ? extras[0] : .choice(extras))
        let minProperties = schema["minProperties"]?.numberValue.map { max(Int($0), 0) }
        let maxProperties = schema["maxProperties"]?.numberValue.map { max(Int($0), 0) }
        if !declared.isEmpty, minProperties != nil || maxProperties != nil {
            report("minProperties/maxProperties together with properties or required at \(path)")
        }
        let countBounds = declared.isEmpty ? (minProperties ?? 0, maxProperties) : (0, nil)
        if let maximum = countBounds.1, countBounds.0 > maximum { return .choice([]) }

        // Two rules per position: members from i on when nothing was written yet ("first") or
        // after a member (each then needs a leading comma); linear in the number of properties.
        let base = newRuleName()
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
            rules.append((name(declared.count, first), tail))
        }
        for (index, property) in declared.enumerated().reversed() {
            let value = try subschema(property.value, at: "\(path)/properties/\(property.key)")
            for first in [true, false] {
                let member = GrammarExpression.sequence((first ? [] : [comma]) + [.literal(JSONValue.string(property.key).compactText), colon, value, .rule(name(index + 1, false))])
                let body = required.contains(property.key) ? member : .choice([member, .rule(name(index + 1, first))])
                rules.append((name(index, first), body))
            }
        }
        return .sequence([.literal("{"), whitespace, .rule(name(0, true)), whitespace, .literal("}")])
    }
}
