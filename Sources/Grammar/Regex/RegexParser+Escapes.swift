extension RegexParser {
    /// After a backslash; inside a class `\b` is backspace.
    mutating func parseEscape(inClass: Bool) throws(GrammarError) -> GrammarExpression {
        let start = position - 1
        guard let scalar = peek else { throw error("pattern ends with '\\'", at: start) }
        position += 1
        let single: UInt32? = switch scalar {
        case "t": 9
        case "n": 10
        case "v": 11
        case "f": 12
        case "r": 13
        case "0": 0
        case "b" where inClass: 8
        default: nil
        }
        if let single { return .characters(CodePointSet(single)) }
        switch scalar {
        case "d": return .characters(Self.digits)
        case "D": return .characters(Self.digits.inverted)
        case "w": return .characters(Self.wordCharacters)
        case "W": return .characters(Self.wordCharacters.inverted)
        case "s": return .characters(Self.whitespace)
        case "S": return .characters(Self.whitespace.inverted)
        case "x": return .characters(CodePointSet(try hexDigits(2, start: start)))
        case "c": return .characters(CodePointSet(try controlLetter(start: start)))
        case "u":
            if peek == "{" { return .characters(CodePointSet(try bracedCodePoint(start: start))) }
            return .characters(CodePointSet(try utf16Escape(start: start)))
        case "b", "B": throw error("word boundaries (\\\(scalar)) are not supported", at: start)
        case "1"..."9", "k": throw error("backreferences are not supported", at: start)
        case "p", "P": throw error("Unicode property escapes (\\\(scalar){...}) are not supported", at: start)
        default:
            guard !scalar.properties.isAlphabetic, !(scalar.properties.numericType != nil) else {
                throw error("unknown escape '\\\(scalar)'", at: start)
            }
            return .characters(CodePointSet(scalar.value))
        }
    }

    /// `\cJ`: the control character of an ASCII letter (its code modulo 32), as in ECMAScript.
    private mutating func controlLetter(start: Int) throws(GrammarError) -> UInt32 {
        guard let letter = peek, letter.isASCII, letter.properties.isAlphabetic else {
            throw error("\\c must be followed by a letter A-Z or a-z", at: start)
        }
        position += 1
        return letter.value % 32
    }

    /// `\u{1F600}`: a code point of one to six hex digits.
    private mutating func bracedCodePoint(start: Int) throws(GrammarError) -> UInt32 {
        position += 1
        var value: UInt32 = 0
        var count = 0
        while let c = peek, let digit = c.properties.isASCIIHexDigit ? UInt32(String(c), radix: 16) : nil {
            value = value << 4 | digit
            count += 1
            position += 1
            guard count <= 6 else { break }
        }
        guard count > 0, count <= 6, peek == "}", value <= CodePointSet.maximum else { throw error("bad \\u{...} escape", at: start) }
        position += 1
        return value
    }

    /// `\uHHHH`, where a high surrogate followed by a low one (`\uD83D\uDE00`, as JavaScript
    /// writes astral characters) is the one code point they encode. A lone surrogate is no
    /// character, and matching it would silently match nothing.
    private mutating func utf16Escape(start: Int) throws(GrammarError) -> UInt32 {
        let unit = try hexDigits(4, start: start)
        guard (0xD800...0xDFFF).contains(unit) else { return unit }
        let trailStart = position
        if unit <= 0xDBFF, peek == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" {
            position += 2
            let trail = try hexDigits(4, start: trailStart)
            if (0xDC00...0xDFFF).contains(trail) { return 0x10000 + (unit - 0xD800) << 10 + (trail - 0xDC00) }
        }
        let hex = String(unit, radix: 16, uppercase: true)
        throw error("lone surrogate \\u\(hex): write a high and a low surrogate together (\\uD83D\\uDE00) or the code point (\\u{1F600})", at: start)
    }

    mutating func hexDigits(_ count: Int, start: Int) throws(GrammarError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let c = peek, c.properties.isASCIIHexDigit, let digit = UInt32(String(c), radix: 16) else {
                throw error("expecting \(count) hex digits", at: start)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// `[[:alpha:]]` is a POSIX class elsewhere but, in ECMAScript, the class `[[:alph]`
    /// followed by `]`: refused, since whoever wrote it meant the POSIX class.
    func refusePOSIXClass() throws(GrammarError) {
        guard peek == "[", position + 1 < scalars.count, scalars[position + 1] == ":" else { return }
        var end = position + 2
        while end < scalars.count, scalars[end].isASCII, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > position + 2, end + 1 < scalars.count, scalars[end] == ":", scalars[end + 1] == "]" else { return }
        let name = String(String.UnicodeScalarView(scalars[(position + 2)..<end]))
        let replacement = Self.posixReplacements[name] ?? "a class listing the characters"
        throw error("POSIX class [:\(name):] is not ECMAScript; use \(replacement)", at: position)
    }

    static let posixReplacements = [
        "alpha": "[A-Za-z]", "digit": "\\d or [0-9]", "alnum": "[A-Za-z0-9]", "upper": "[A-Z]", "lower": "[a-z]",
        "space": "\\s", "word": "\\w", "xdigit": "[0-9A-Fa-f]", "punct": "[!-/:-@[-`{-~]", "blank": "[ \\t]", "cntrl": "[\\x00-\\x1F\\x7F]",
    ]
}
