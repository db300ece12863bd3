/// A strict JSON (RFC 8259) reader producing order-preserving `JSONValue`s, with the line and
/// column of the first fault.
struct JSONValueParser {
    private let bytes: [UInt8]
    private let source: String
    private var position = 0
    private var depth = 0

    static func parse(_ text: String, source: String) throws(GrammarError) -> JSONValue {
        var parser = JSONValueParser(bytes: Array(text.utf8), source: source)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    private mutating func parseValue() throws(GrammarError) -> JSONValue {
        guard let byte = peek else { throw error("unexpected end of JSON") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: return .number(try parseNumber())
        }
    }

    private mutating func parseObject() throws(GrammarError) -> JSONValue {
        try enter()
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") { position += 1; depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expecting a member name") }
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expecting ':'") }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            guard peek == UInt8(ascii: "}") else { throw error("expecting ',' or '}'") }
            position += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws(GrammarError) -> JSONValue {
        try enter()
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") { position += 1; depth -= 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            guard peek == UInt8(ascii: "]") else { throw error("expecting ',' or ']'") }
            position += 1
            depth -= 1
            return .array(items)
        }
    }

    private mutating func enter() throws(GrammarError) {
        depth += 1
        guard depth <= 512 else { throw error("JSON nested too deeply") }
    }

    private mutating func parseString() throws(GrammarError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        while true {
            guard let byte = peek else { throw error("unterminated string") }
            if byte == UInt8(ascii: "\"") { position += 1; break }
            guard byte >= 0x20 else { throw error("control character in string") }
            if byte == UInt8(ascii: "\\") {
                guard let escape = bytes.indices.contains(position + 1) ? bytes[position + 1] : nil else { throw error("unterminated escape") }
                position += 2
                var value: UInt32
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): value = UInt32(escape)
                case UInt8(ascii: "b"): value = 8
                case UInt8(ascii: "f"): value = 12
                case UInt8(ascii: "n"): value = 10
                case UInt8(ascii: "r"): value = 13
                case UInt8(ascii: "t"): value = 9
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count, let hex = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                        throw error("bad \\u escape")
                    }
                    position += 4
                    value = hex
                default: throw error("unknown escape")
                }
                if let high = pendingHigh, (0xDC00...0xDFFF).contains(value) {
                    value = 0x10000 + (high - 0xD800) << 10 + (value - 0xDC00)
                    pendingHigh = nil
                } else if (0xD800...0xDBFF).contains(value) {
                    pendingHigh = value
                    continue
                }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                continue
            }
            var decoder = UTF8()
            var iterator = bytes[position...].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { throw error("invalid UTF-8 in string") }
            position += UTF8.width(scalar)
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private mutating func parseNumber() throws(GrammarError) -> Double {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        guard let first = peek, Self.isDigit(first) else { throw error("unexpected character", at: start) }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard peek.map(Self.isDigit) == true else { throw error("expecting digits after '.'") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard peek.map(Self.isDigit) == true else { throw error("expecting exponent digits") }
            skipDigits()
        }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else { throw error("bad number", at: start) }
        return value
    }

    private mutating func skipDigits() {
        while let byte = peek, Self.isDigit(byte) { position += 1 }
    }

    private mutating func expectWord(_ word: String) throws(GrammarError) {
        let utf8 = Array(word.utf8)
        guard bytes.count - position >= utf8.count, Array(bytes[position..<position + utf8.count]) == utf8 else { throw error("unexpected character") }
        position += utf8.count
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func error(_ problem: String, at offset: Int? = nil) -> GrammarError {
        let place = TextPosition(of: offset ?? position, in: bytes)
        return GrammarError(source: source, line: place.line, column: place.column, problem: problem)
    }
}

extension JSONValue {
    /// Parses JSON text; errors carry line and column.
    /// Parses JSON text; a leading byte-order mark is skipped, as most JSON readers do.
    public init(parsing text: String, source: String = "json") throws(GrammarError) {
        self = try JSONValueParser.parse(text.droppingByteOrderMark, source: source)
    }
}
