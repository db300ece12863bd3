/// The Unicode classes the pre-tokenizer regexes ask about (`\p{L}`, `\p{N}`, `\s`), as bits, the
/// same way llama.cpp's codepoint flags answer them. A scalar with none of the bits is "other"
/// (punctuation, symbols, marks, controls, unassigned).
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    static let letter = ScalarClass(rawValue: 1)
    static let number = ScalarClass(rawValue: 2)
    static let whitespace = ScalarClass(rawValue: 4)

    var isLetter: Bool { contains(.letter) }
    var isNumber: Bool { contains(.number) }
    var isWhitespace: Bool { contains(.whitespace) }
    /// Neither a letter, a number nor whitespace: `[^\s\p{L}\p{N}]`.
    var isOther: Bool { isEmpty }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(of scalar: UInt32) {
        if scalar < 128 {
            self = Self.asciiClasses[Int(scalar)]
        } else if let value = Unicode.Scalar(scalar) {
            self = Self.classify(value)
        } else {
            self = []
        }
    }

    /// Classes of the 128 ASCII scalars, for lookup without Unicode tables.
    static let asciiClasses: [ScalarClass] = (0..<128).map { classify(Unicode.Scalar(UInt8($0))) }

    /// General category L* is a letter, N* a number; whitespace is the Unicode White_Space
    /// property, which is what llama.cpp's `\s` table holds.
    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        var result: ScalarClass = []
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            result.insert(.letter)
        case .decimalNumber, .letterNumber, .otherNumber:
            result.insert(.number)
        default:
            break
        }
        if scalar.properties.isWhitespace { result.insert(.whitespace) }
        return result
    }
}
