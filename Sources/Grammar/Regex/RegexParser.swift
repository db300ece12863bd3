/// Parses the practical regular-expression subset (ECMAScript-flavoured, as JSON Schema's
/// `pattern` uses) into a `GrammarExpression`:
///
/// - literals, `.` (any character but \n \r U+2028 U+2029), classes `[...]` `[^...]` with ranges,
/// - escapes `\d \D \w \W \s \S \t \n \r \f \v \0 \cX \xHH \uHHHH \u{H...}` (a surrogate pair
///   `\uD83D\uDE00` is its code point) and escaped punctuation,
/// - groups `(...)`, `(?:...)`, `(?<name>...)`, alternation `|`,
/// - quantifiers `* + ? {m} {m,} {m,n}`, each optionally lazy (`?`, same language),
/// - anchors `^` at the start and `$` at the end of a top-level alternative (repeated or not).
///
/// Lookaround, backreferences, word boundaries, `\p{...}`, possessive quantifiers, lone
/// surrogate escapes and POSIX classes (`[[:alpha:]]`) are refused with an error naming the
/// column. A bare `{` that does not start a quantifier is a literal, as in JavaScript.
struct RegexParser {
    /// The expression and whether each end is anchored (for search semantics).
    struct Parsed {
        var alternatives: [(expression: GrammarExpression, anchoredStart: Bool, anchoredEnd: Bool)]

        /// The whole pattern; with `search`, unanchored ends may be preceded/followed by any
        /// characters from `filler` (JSON Schema's `pattern` matches anywhere in the string).
        func expression(search: Bool, filler: CodePointSet) -> GrammarExpression {
            let anything = GrammarExpression.repeated(.characters(filler), min: 0, max: nil)
            let options = alternatives.map { alternative -> GrammarExpression in
                guard search else { return alternative.expression }
                return .sequence((alternative.anchoredStart ? [] : [anything]) + [alternative.expression] + (alternative.anchoredEnd ? [] : [anything]))
            }
            return options.count == 1 ? options[0] : .choice(options)
        }
    }

    let scalars: [Unicode.Scalar]
    private let source: String
    var position = 0
    private var groupDepth = 0

    init(_ pattern: String, source: String) {
        scalars = Array(pattern.unicodeScalars)
        self.source = source
    }

    static func parse(_ pattern: String, source: String) throws(GrammarError) -> Parsed {
        var parser = RegexParser(pattern, source: source)
        var parsed = Parsed(alternatives: [])
        repeat {
            if !parsed.alternatives.isEmpty { parser.position += 1 }
            // Repeated anchors (`^^a$$`) assert the same thing again, as in ECMAScript.
            let anchoredStart = parser.skipAll("^")
            let expression = try parser.parseSequence()
            let anchoredEnd = parser.skipAll("$")
            parsed.alternatives.append((expression, anchoredStart, anchoredEnd))
        } while parser.peek == "|"
        if let extra = parser.peek {
            throw parser.error(extra == ")" ? "unbalanced ')'" : (extra == "$" || extra == "^") ? "anchors are only supported at the start or end of the pattern" : "unexpected '\(extra)'")
        }
        return parsed
    }

    static let anyCharacter = CodePointSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029], negated: true)
    static let digits = CodePointSet([0x30...0x39])
    static let wordCharacters = CodePointSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    static let whitespace = CodePointSet([0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                          0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF])

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func parseAlternation() throws(GrammarError) -> GrammarExpression {
        var options = [try parseSequence()]
        while peek == "|" {
            position += 1
            options.append(try parseSequence())
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    private mutating func parseSequence() throws(GrammarError) -> GrammarExpression {
        var items: [GrammarExpression] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            if scalar == "$" {
                guard isAtEndOfTopLevel(after: position) else { throw error("anchors are only supported at the start or end of the pattern") }
                break
            }
            var atom = try parseAtom()
            if let quantifier = try parseQuantifier() {
                atom = .repeated(atom, min: quantifier.min, max: quantifier.max)
                // As Python's and JavaScript's engines do: `a**` is a mistake, not a repetition
                // of a repetition (which a group writes: `(a*)*`).
                if peek.map({ "*+?".unicodeScalars.contains($0) }) == true || (peek == "{" && (try? peekQuantifierBraces()) != nil) {
                    throw error("a quantifier cannot follow another; group what is repeated, as in (a*)*")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// `$` is an end anchor only where the top-level alternative ends (after any more `$`).
    private func isAtEndOfTopLevel(after index: Int) -> Bool {
        var next = index + 1
        while next < scalars.count, scalars[next] == "$" { next += 1 }
        return groupDepth == 0 && (next == scalars.count || scalars[next] == "|")
    }

    /// Consumes a run of `scalar`; whether there was one.
    private mutating func skipAll(_ scalar: Unicode.Scalar) -> Bool {
        let start = position
        while peek == scalar { position += 1 }
        return position > start
    }

    private mutating func parseAtom() throws(GrammarError) -> GrammarExpression {
        let start = position
        guard let scalar = peek else { throw error("unexpected end of pattern") }
        position += 1
        switch scalar {
        case ".": return .characters(Self.anyCharacter)
        case "[": return .characters(try parseClass())
        case "(":
            if peek == "?" {
                let next = position + 1 < scalars.count ? scalars[position + 1] : nil
                let after = position + 2 < scalars.count ? scalars[position + 2] : nil
                switch (next, after) {
                case (":", _): position += 2
                case ("<", "="?), ("<", "!"?), ("=", _), ("!", _):
                    throw error("lookaround assertions are not supported", at: start)
                case ("<", _), ("P", "<"?):
                    position += next == "P" ? 3 : 2
                    while let c = peek, c != ">" { position += 1 }
                    guard peek == ">" else { throw error("unterminated group name", at: start) }
                    position += 1
                default:
                    throw error("unsupported group syntax '(?\(next.map(String.init) ?? "")'", at: start)
                }
            }
            groupDepth += 1
            guard groupDepth <= GrammarLimits.groupNesting else {
                throw error("groups nested more than \(GrammarLimits.groupNesting) deep", at: start)
            }
            let inner = try parseAlternation()
            groupDepth -= 1
            guard peek == ")" else { throw error("missing ')'", at: start) }
            position += 1
            return inner
        case "\\": return try parseEscape(inClass: false)
        case "*", "+", "?": throw error("quantifier '\(scalar)' has nothing to repeat", at: start)
        case "^": throw error("anchors are only supported at the start or end of the pattern", at: start)
        case "{":
            position = start
            if (try? peekQuantifierBraces()) != nil { throw error("quantifier has nothing to repeat", at: start) }
            position += 1
            return .literal("{")
        default: return .literal(String(scalar))
        }
    }

    private mutating func parseQuantifier() throws(GrammarError) -> (min: Int, max: Int?)? {
        let start = position
        let result: (min: Int, max: Int?)
        switch peek {
        case "*": position += 1; result = (0, nil)
        case "+": position += 1; result = (1, nil)
        case "?": position += 1; result = (0, 1)
        case "{":
            guard let braces = try peekQuantifierBraces() else { return nil }
            result = braces
        default: return nil
        }
        if peek == "?" { position += 1 }
        else if peek == "+" { throw error("possessive quantifiers are not supported", at: start) }
        return result
    }

    /// Consumes `{m}`, `{m,}` or `{m,n}` if that is what follows; otherwise leaves the position.
    private mutating func peekQuantifierBraces() throws(GrammarError) -> (min: Int, max: Int?)? {
        let start = position
        position += 1
        guard let min = parseInteger() else { position = start; return nil }
        var max: Int? = min
        if peek == "," {
            position += 1
            max = parseInteger()
        }
        guard peek == "}" else { position = start; return nil }
        position += 1
        if let max, max < min { throw error("repetition {\(min),\(max)} is out of order", at: start) }
        if (max ?? min) > 100_000 { throw error("repetition count too large", at: start) }
        return (min, max)
    }

    private mutating func parseInteger() -> Int? {
        var value: Int?
        while let scalar = peek, let digit = scalar.properties.numericType == .decimal && scalar.isASCII ? Int(scalar.value - 48) : nil {
            value = min((value ?? 0) * 10 + digit, 1_000_000)
            position += 1
        }
        return value
    }

    private mutating func parseClass() throws(GrammarError) -> CodePointSet {
        let start = position - 1
        let negated = peek == "^"
        if negated { position += 1 }
        var set = CodePointSet([])
        while peek != "]" {
            guard let scalar = peek else { throw error("unterminated character class", at: start) }
            try refusePOSIXClass()
            position += 1
            let low: CodePointSet
            if scalar == "\\" {
                guard case .characters(let escaped) = try parseEscape(inClass: true) else { throw error("bad escape in class") }
                low = escaped
            } else {
                low = CodePointSet(scalar.value)
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let endScalar = peek else { throw error("unterminated character class", at: start) }
                position += 1
                var high = CodePointSet(endScalar.value)
                if endScalar == "\\" {
                    guard case .characters(let escaped) = try parseEscape(inClass: true) else { throw error("bad escape in class") }
                    high = escaped
                }
                guard low.ranges.count == 1, low.ranges[0].count == 1, high.ranges.count == 1, high.ranges[0].count == 1 else {
                    throw error("a class range cannot start or end with a class escape")
                }
                let (a, b) = (low.ranges[0].lowerBound, high.ranges[0].lowerBound)
                guard a <= b else { throw error("class range out of order") }
                set = set.union(CodePointSet([a...b]))
            } else {
                set = set.union(low)
            }
        }
        position += 1
        return negated ? set.inverted : set
    }

    func error(_ problem: String, at index: Int? = nil) -> GrammarError {
        GrammarError(source: source, line: 1, column: (index ?? position) + 1, problem: problem)
    }
}
