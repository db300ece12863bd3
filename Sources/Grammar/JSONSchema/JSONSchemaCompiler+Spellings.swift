extension JSONSchemaCompiler {
    /// Every way JSON may write `scalar` inside a string: raw (where allowed), as a short
    /// escape, or as `\u` escapes with hex digits in either case (`"\u00e9"` is `"é"`).
    func spellings(of scalar: Unicode.Scalar) -> GrammarExpression {
        var options: [GrammarExpression] = []
        if !Self.stringSpecials.contains(scalar.value) { options.append(.literal(String(scalar))) }
        if let short = Self.shortEscapes.first(where: { $0.value == scalar.value }) {
            options.append(.literal("\\" + String(short.letter)))
        }
        options.append(.sequence(String(scalar).utf16.map { Self.unicodeEscapes(UInt32($0)...UInt32($0)) }))
        return options.count == 1 ? options[0] : .choice(options)
    }

    /// The short escapes (`\n`) and the character each stands for.
    static let shortEscapes: [(letter: Unicode.Scalar, value: UInt32)] = [
        ("\"", 0x22), ("\\", 0x5C), ("/", 0x2F), ("b", 0x08), ("f", 0x0C), ("n", 0x0A), ("r", 0x0D), ("t", 0x09),
    ]

    /// `\u` escapes of the UTF-16 code units in `range` (within 0...0xFFFF), hex digits in
    /// either case.
    static func unicodeEscapes(_ range: ClosedRange<UInt32>) -> GrammarExpression {
        .sequence([.literal("\\u"), hexDigits(range, width: 4)])
    }

    /// `width` hex digits whose value lies in `range`, built digit by digit as decimal ranges
    /// are: the first digit's two ends keep their bounds, the digits between take anything.
    private static func hexDigits(_ range: ClosedRange<UInt32>, width: Int) -> GrammarExpression {
        guard width > 0 else { return .empty }
        let step = UInt32(1) << (4 * UInt32(width - 1))
        let (first, last) = (range.lowerBound / step, range.upperBound / step)
        let (low, high) = (range.lowerBound % step, range.upperBound % step)
        let anyRest = GrammarExpression.repeated(hexDigit(0...15), min: width - 1, max: width - 1)
        if first == last { return .sequence([hexDigit(first...first), hexDigits(low...high, width: width - 1)]) }
        var options: [GrammarExpression] = []
        // Whole digits where the remaining digits are unbounded, split ends otherwise.
        let fullFirst = low == 0, fullLast = high == step - 1
        if !fullFirst { options.append(.sequence([hexDigit(first...first), hexDigits(low...(step - 1), width: width - 1)])) }
        let (middleFirst, middleLast) = (fullFirst ? first : first + 1, fullLast ? last : last - 1)
        if middleFirst <= middleLast { options.append(.sequence([hexDigit(middleFirst...middleLast), anyRest])) }
        if !fullLast { options.append(.sequence([hexDigit(last...last), hexDigits(0...high, width: width - 1)])) }
        return options.count == 1 ? options[0] : .choice(options)
    }

    /// One hex digit with a value in `values` (0...15), letters in either case.
    private static func hexDigit(_ values: ClosedRange<UInt32>) -> GrammarExpression {
        var ranges: [ClosedRange<UInt32>] = []
        if values.lowerBound <= 9 { ranges.append((0x30 + values.lowerBound)...(0x30 + min(values.upperBound, 9))) }
        if values.upperBound >= 10 {
            let letters = max(values.lowerBound, 10)...values.upperBound
            ranges.append((0x41 + letters.lowerBound - 10)...(0x41 + letters.upperBound - 10))
            ranges.append((0x61 + letters.lowerBound - 10)...(0x61 + letters.upperBound - 10))
        }
        return .characters(CodePointSet(ranges))
    }
}
