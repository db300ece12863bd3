extension JSONSchemaCompiler {
    /// Draft 4 wrote exclusive bounds as booleans beside minimum/maximum; read them as draft 6+.
    static func modernBounds(_ schema: JSONValue) -> JSONValue {
        guard var members = schema.members else { return schema }
        for (flag, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
            guard let index = members.firstIndex(where: { $0.key == flag }), case .bool(let exclusive) = members[index].value else { continue }
            members.remove(at: index)
            if exclusive, let boundIndex = members.firstIndex(where: { $0.key == bound }) {
                members[boundIndex].key = flag
            }
        }
        return .object(members)
    }

    /// A bound's value, when it is one the grammar can write exactly (others are reported).
    static func bound(_ keyword: String, in schema: JSONValue) -> Double? {
        schema[keyword]?.numberValue.flatMap { isExactBound($0) ? $0 : nil }
    }

    /// The least and greatest integers the bounds allow (nil: unbounded on that side).
    static func integerBounds(_ schema: JSONValue) -> (low: Int?, high: Int?) {
        let schema = modernBounds(schema)
        var low: Int?, high: Int?
        if let x = bound("minimum", in: schema) { low = max(low ?? Int.min, Int(x.rounded(.up))) }
        if let x = bound("exclusiveMinimum", in: schema) { low = max(low ?? Int.min, Int(x.rounded(.down)) + 1) }
        if let x = bound("maximum", in: schema) { high = min(high ?? Int.max, Int(x.rounded(.down))) }
        if let x = bound("exclusiveMaximum", in: schema) { high = min(high ?? Int.max, Int(x.rounded(.up)) - 1) }
        return (low, high)
    }

    /// Integers, also written with a zero fraction (`1.0`): JSON Schema counts them as integers.
    mutating func integer(_ schema: JSONValue, at path: String) -> GrammarExpression {
        let (low, high) = Self.integerBounds(schema)
        if let low, let high, low > high { return .choice([]) }
        let digits = low == nil && high == nil ? common("json-integer") : DecimalRange.integers(from: low, to: high)
        return .sequence([digits, .optional(DecimalRange.zeroFraction)])
    }

    /// The tightest lower and upper bounds for numbers, each possibly strict.
    static func numberBounds(_ schema: JSONValue) -> (low: (value: Double, strict: Bool)?, high: (value: Double, strict: Bool)?) {
        let schema = modernBounds(schema)
        var low: (value: Double, strict: Bool)?, high: (value: Double, strict: Bool)?
        for (keyword, strict, isLow) in [("minimum", false, true), ("exclusiveMinimum", true, true), ("maximum", false, false), ("exclusiveMaximum", true, false)] {
            guard let x = bound(keyword, in: schema) else { continue }
            if isLow {
                if low.map({ x > $0.value || (x == $0.value && strict) }) ?? true { low = (x, strict) }
            } else {
                if high.map({ x < $0.value || (x == $0.value && strict) }) ?? true { high = (x, strict) }
            }
        }
        return (low, high)
    }

    /// Numbers; with bounds they are written without an exponent, and bounds are exact.
    mutating func number(_ schema: JSONValue, at path: String) -> GrammarExpression {
        let (low, high) = Self.numberBounds(schema)
        if low == nil, high == nil { return common("json-number") }
        guard let expression = DecimalRange.numbers(low: low, high: high) else {
            report("number bounds with fractions on the same integer part at \(path)")
            return common("json-number")
        }
        return expression
    }

    mutating func string(_ schema: JSONValue, at path: String) -> GrammarExpression {
        let minLength = count("minLength", in: schema)
        let maxLength = count("maxLength", in: schema)
        var content: GrammarExpression
        if let format = schema["format"]?.stringValue, let pattern = JSONSchemaKeywords.formats[format] {
            content = jsonEncoded(regex: pattern, search: false, at: path)
        } else if let pattern = schema["pattern"]?.stringValue {
            content = jsonEncoded(regex: pattern, search: true, at: path)
        } else {
            if let format = schema["format"]?.stringValue { report("format '\(format)' at \(path)") }
            if let minLength, let maxLength, minLength > maxLength { return .choice([]) }
            let counted = (minLength ?? 0) > 0 || maxLength != nil
            content = .repeated(common(counted ? "json-code-point" : "json-char"), min: minLength ?? 0, max: maxLength)
            return .sequence([.literal("\""), content, .literal("\"")])
        }
        if minLength != nil || maxLength != nil { report("minLength/maxLength together with pattern or format at \(path)") }
        return .sequence([.literal("\""), content, .literal("\"")])
    }

    /// A regex over string values, as the JSON-escaped text that encodes them.
    mutating func jsonEncoded(regex pattern: String, search: Bool, at path: String) -> GrammarExpression {
        do throws(GrammarError) {
            let parsed = try RegexParser.parse(pattern, source: "pattern at \(path)")
            return jsonEncoded(parsed.expression(search: search, filler: .all))
        } catch {
            report("pattern '\(pattern)' at \(path): \(error.problem)")
            return .repeated(common("json-char"), min: 0, max: nil)
        }
    }

    mutating func jsonEncoded(_ expression: GrammarExpression) -> GrammarExpression {
        switch expression {
        case .characters(let set):
            if set == .all { return common("json-char") }
            var options: [GrammarExpression] = []
            let plain = set.subtracting(Self.stringSpecials)
            if !plain.isEmpty { options.append(.characters(plain)) }
            let specials = Self.stringSpecials.ranges.flatMap { $0 }.filter(set.contains)
            // Sets holding most specials (negated classes, `.`) take any escape: one shared
            // rule instead of dozens of literals, at the price of also allowing a few escapes
            // of characters the set excludes.
            if specials.count > 8 {
                options.append(common("json-escape"))
            } else {
                options += specials.compactMap { Unicode.Scalar($0) }.map { spellings(of: $0) }
            }
            return options.count == 1 ? options[0] : .choice(options)
        case .literal(let text):
            return .sequence(text.unicodeScalars.map { jsonEncoded(.characters(CodePointSet($0.value))) })
        case .sequence(let items):
            return .sequence(items.map { jsonEncoded($0) })
        case .choice(let options):
            return .choice(options.map { jsonEncoded($0) })
        case .repeated(let item, let min, let max):
            return .repeated(jsonEncoded(item), min: min, max: max)
        case .rule:
            return expression
        }
    }
}
