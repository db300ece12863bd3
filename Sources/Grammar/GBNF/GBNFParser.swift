/// Reads GBNF the way llama.cpp's grammar parser does: rules `name ::= alternatives`, newlines
/// allowed only between rules, inside parentheses and after `|`; `#` comments; literals and
/// classes of code points with \x \u \U \t \r \n \\ \" \[ \] escapes; `.`; `* + ? {m} {m,} {m,n}`.
/// Token references (`<...>`) are refused: this grammar engine works on bytes, not token ids.
/// A rule defined twice keeps its last definition, as in llama.cpp, and is reported.
struct GBNFParser {
    private let text: [UInt8]
    private let source: String
    private var position = 0
    private var rules: [(name: String, body: GrammarExpression)] = []
    private var references: [(name: String, at: Int)] = []
    /// Where each rule's latest definition starts.
    private var definitionStarts: [String: Int] = [:]
    private var redefinitions: [String] = []
    private var groupDepth = 0

    init(_ text: String, source: String) {
        self.text = Array(text.utf8)
        self.source = source
    }

    /// The grammar's rules, and a warning for each rule defined again.
    static func parse(_ text: String, source: String) throws(GrammarError) -> (GrammarDefinition, redefinitions: [String]) {
        var parser = GBNFParser(text, source: source)
        return (try parser.parseGrammar(), parser.redefinitions)
    }

    private mutating func parseGrammar() throws(GrammarError) -> GrammarDefinition {
        skipSpace(newlines: true)
        while position < text.count {
            try parseRule()
        }
        let defined = Set(rules.map(\.name))
        if let missing = references.first(where: { !defined.contains($0.name) }) {
            throw error("undefined rule '\(missing.name)'", at: missing.at)
        }
        guard defined.contains("root") else { throw GrammarError(source: source, problem: "grammar does not define a 'root' rule") }
        return GrammarDefinition(rules: rules)
    }

    private mutating func parseRule() throws(GrammarError) {
        let start = position
        let name = try parseName()
        skipSpace(newlines: false)
        guard peek(0) == UInt8(ascii: ":"), peek(1) == UInt8(ascii: ":"), peek(2) == UInt8(ascii: "=") else {
            throw error("expecting ::=")
        }
        position += 3
        skipSpace(newlines: true)
        let body = try parseAlternatives(nested: false)
        if peek(0) == UInt8(ascii: "\r") {
            position += peek(1) == UInt8(ascii: "\n") ? 2 : 1
        } else if peek(0) == UInt8(ascii: "\n") {
            position += 1
        } else if position < text.count {
            throw error("expecting newline or end")
        }
        skipSpace(newlines: true)
        rules.append((name, body))
        if let earlier = definitionStarts[name] {
            let lines = [earlier, start].map { TextPosition(of: $0, in: text).line }
            redefinitions.append("rule '\(name)' is defined on line \(lines[0]) and again on line \(lines[1]); the later definition is used")
        }
        definitionStarts[name] = start
    }

    private mutating func parseAlternatives(nested: Bool) throws(GrammarError) -> GrammarExpression {
        var options = [try parseSequence(nested: nested)]
        while peek(0) == UInt8(ascii: "|") {
            position += 1
            skipSpace(newlines: true)
            options.append(try parseSequence(nested: nested))
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    private mutating func parseSequence(nested: Bool) throws(GrammarError) -> GrammarExpression {
        var items: [GrammarExpression] = []
        var stackedQuantifiers = 0
        while let byte = peek(0) {
            let start = position
            if ![UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(byte) { stackedQuantifiers = 0 }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                var literal = String.UnicodeScalarView()
                while peek(0) != UInt8(ascii: "\"") {
                    guard position < text.count else { throw error("unexpected end of input in string literal", at: start) }
                    literal.append(try parseCharacter())
                }
                position += 1
                items.append(.literal(String(literal)))
            case UInt8(ascii: "["):
                items.append(.characters(try parseClass()))
            case UInt8(ascii: "("):
                guard groupDepth < GrammarLimits.groupNesting else { throw error("groups nested more than \(GrammarLimits.groupNesting) deep") }
                position += 1
                skipSpace(newlines: true)
                groupDepth += 1
                let group = try parseAlternatives(nested: true)
                groupDepth -= 1
                guard peek(0) == UInt8(ascii: ")") else { throw error("expecting ')'") }
                position += 1
                items.append(group)
            case UInt8(ascii: "."):
                position += 1
                items.append(.characters(.all))
            case UInt8(ascii: "<"), UInt8(ascii: "!"):
                throw error("token references (<...>) are not supported: this grammar engine matches bytes")
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                guard let last = items.popLast() else { throw error("expecting preceding item to */+/?/{") }
                // Each stacked quantifier (`"a"**`, as llama.cpp allows) nests one level.
                stackedQuantifiers += 1
                guard stackedQuantifiers <= GrammarLimits.groupNesting else {
                    throw error("quantifiers stacked more than \(GrammarLimits.groupNesting) deep")
                }
                let (min, max) = try parseQuantifier(nested: nested)
                items.append(.repeated(last, min: min, max: max))
                skipSpace(newlines: nested)
                continue
            default:
                guard Self.isWordByte(byte) else { return .sequence(items) }
                let name = try parseName()
                references.append((name, start))
                items.append(.rule(name))
            }
            skipSpace(newlines: nested)
        }
        return .sequence(items)
    }

    private mutating func parseQuantifier(nested: Bool) throws(GrammarError) -> (Int, Int?) {
        let symbol = text[position]
        position += 1
        switch symbol {
        case UInt8(ascii: "*"): return (0, nil)
        case UInt8(ascii: "+"): return (1, nil)
        case UInt8(ascii: "?"): return (0, 1)
        default: break
        }
        skipSpace(newlines: nested)
        let min = try parseInteger()
        skipSpace(newlines: nested)
        var max: Int? = min
        if peek(0) == UInt8(ascii: ",") {
            position += 1
            skipSpace(newlines: nested)
            max = peek(0).map(Self.isDigit) == true ? try parseInteger() : nil
            skipSpace(newlines: nested)
        }
        guard peek(0) == UInt8(ascii: "}") else { throw error("expecting '}'") }
        if let max, max < min { throw error("repetition maximum \(max) is below minimum \(min)") }
        position += 1
        return (min, max)
    }

    private mutating func parseClass() throws(GrammarError) -> CodePointSet {
        let start = position
        position += 1
        let negated = peek(0) == UInt8(ascii: "^")
        if negated { position += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        while peek(0) != UInt8(ascii: "]") {
            guard position < text.count else { throw error("unexpected end of input in character class", at: start) }
            let rangeStart = position
            let low = try parseCharacter().value
            var high = low
            if peek(0) == UInt8(ascii: "-"), let after = peek(1), after != UInt8(ascii: "]") {
                position += 1
                high = try parseCharacter().value
            }
            guard low <= high else { throw error("character range is reversed", at: rangeStart) }
            ranges.append(low...high)
        }
        position += 1
        return CodePointSet(ranges, negated: negated)
    }

    private mutating func parseCharacter() throws(GrammarError) -> Unicode.Scalar {
        let start = position
        guard let byte = peek(0) else { throw error("unexpected end of input") }
        if byte == UInt8(ascii: "\\") {
            guard let escape = peek(1) else { throw error("unexpected end of input after '\\'") }
            position += 2
            let simple: UInt8? = switch escape {
            case UInt8(ascii: "t"): 9
            case UInt8(ascii: "r"): 13
            case UInt8(ascii: "n"): 10
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "["), UInt8(ascii: "]"): escape
            default: nil
            }
            if let simple { return Unicode.Scalar(simple) }
            let digits: Int
            switch escape {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: throw error("unknown escape '\\\(Unicode.Scalar(escape))'", at: start)
            }
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = peek(0).flatMap(Self.hexValue) else { throw error("expecting \(digits) hex digits", at: start) }
                value = value << 4 | digit
                position += 1
            }
            guard let scalar = Unicode.Scalar(value) else { throw error("\\\(Unicode.Scalar(escape)) escape is not a Unicode scalar", at: start) }
            return scalar
        }
        var decoder = UTF8()
        var iterator = text[position...].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { throw error("invalid UTF-8") }
        position += UTF8.width(scalar)
        return scalar
    }

    private mutating func parseName() throws(GrammarError) -> String {
        let start = position
        while let byte = peek(0), Self.isWordByte(byte) { position += 1 }
        guard position > start else { throw error("expecting name") }
        return String(decoding: text[start..<position], as: UTF8.self)
    }

    private mutating func parseInteger() throws(GrammarError) -> Int {
        let start = position
        var value = 0
        while let byte = peek(0), Self.isDigit(byte) {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow, next <= 1_000_000 else { throw error("repetition count too large", at: start) }
            value = next + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        guard position > start else { throw error("expecting an integer") }
        return value
    }

    private mutating func skipSpace(newlines: Bool) {
        while let byte = peek(0) {
            if byte == UInt8(ascii: "#") {
                while let byte = peek(0), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { position += 1 }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || (newlines && (byte == 10 || byte == 13)) {
                position += 1
            } else {
                return
            }
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < text.count ? text[position + offset] : nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func error(_ problem: String, at offset: Int? = nil) -> GrammarError {
        let place = TextPosition(of: offset ?? position, in: text)
        return GrammarError(source: source, line: place.line, column: place.column, problem: problem)
    }
}
