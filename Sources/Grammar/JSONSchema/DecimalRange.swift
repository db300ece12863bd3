/// Decimal text for numbers within bounds, built digit by digit (no leading zeros).
enum DecimalRange {
    static let digit = GrammarExpression.characters(CodePointSet([0x30...0x39]))
    static let fraction = GrammarExpression.sequence([.literal("."), .repeated(digit, min: 1, max: nil)])
    static let zeroFraction = GrammarExpression.sequence([.literal("."), .repeated(.literal("0"), min: 1, max: nil)])
    static let nonzeroFraction = GrammarExpression.sequence([
        .literal("."), .repeated(digit, min: 0, max: nil), .characters(CodePointSet([0x31...0x39])), .repeated(digit, min: 0, max: nil),
    ])

    /// Integers in [low, high] (high nil: unbounded), either sign.
    static func integers(from low: Int?, to high: Int?) -> GrammarExpression {
        var options: [GrammarExpression] = []
        if high.map({ $0 >= 0 }) ?? true {
            options.append(unsigned(from: max(low ?? 0, 0), to: high))
        }
        if low.map({ $0 < 0 }) ?? true {
            let magnitudeLow = max(-(high ?? -1), 1)
            let magnitudeHigh = low.map { -$0 }
            if magnitudeHigh.map({ $0 >= magnitudeLow }) ?? true {
                options.append(.sequence([.literal("-"), unsigned(from: magnitudeLow, to: magnitudeHigh)]))
            }
        }
        // "-0" is zero, so it is allowed exactly when zero is.
        if (low ?? 0) <= 0, (high ?? 0) >= 0 { options.append(.literal("-0")) }
        return .choice(options)
    }

    /// A bound's magnitude as exact decimal digits: integer part and fraction digits (no
    /// trailing zeros), from the shortest text that reads back as the same Double.
    struct Magnitude {
        let integer: Int
        let fraction: [Int]

        init(_ value: Double) {
            let text = value.rounded() == value ? String(Int(value)) : "\(value)"
            if !text.contains("e"), let dot = text.firstIndex(of: ".") {
                integer = Int(text[..<dot]) ?? 0
                var digits = text[text.index(after: dot)...].compactMap(\.wholeNumberValue)
                while digits.last == 0 { digits.removeLast() }
                fraction = digits
            } else if !text.contains("e") {
                integer = Int(text) ?? 0
                fraction = []
            } else {
                // Tiny or huge values: fifteen decimals are as exact as a Double gets here.
                let fixed = String(format: "%.15f", value)
                let parts = fixed.split(separator: ".")
                integer = Int(parts[0]) ?? 0
                var digits = (parts.count > 1 ? parts[1] : "").compactMap(\.wholeNumberValue)
                while digits.last == 0 { digits.removeLast() }
                fraction = digits
            }
        }

        init(integer: Int) {
            self.integer = integer
            fraction = []
        }
    }

    /// Decimal numbers (optional fraction, no exponent) x with `low ≤ x ≤ high` (each bound
    /// possibly strict); nil when both bounds fall on the same integer part with fractions on
    /// both sides, which this construction does not intersect.
    static func numbers(low: (value: Double, strict: Bool)?, high: (value: Double, strict: Bool)?) -> GrammarExpression? {
        var options: [GrammarExpression] = []
        // x ≥ 0: magnitude bounds are the bounds themselves, clipped at 0.
        if high.map({ $0.value > 0 || ($0.value == 0 && !$0.strict) }) ?? true {
            let lower = low.map { $0.value >= 0 ? (Magnitude($0.value), $0.strict) : (Magnitude(integer: 0), false) } ?? (Magnitude(integer: 0), false)
            guard let positive = magnitudes(low: lower, high: high.map { (Magnitude($0.value), $0.strict) }) else { return nil }
            options.append(positive)
        }
        // x < 0: x = -m, so x ≥ L is m ≤ -L and x ≤ U is m ≥ -U.
        if low.map({ $0.value < 0 }) ?? true {
            // "-0" is zero, so it is allowed exactly when zero is (the upper bound decides).
            let lower = high.map { $0.value <= 0 ? (Magnitude(-$0.value), $0.strict) : (Magnitude(integer: 0), false) } ?? (Magnitude(integer: 0), false)
            guard let negative = magnitudes(low: lower, high: low.map { (Magnitude(-$0.value), $0.strict) }) else { return nil }
            options.append(.sequence([.literal("-"), negative]))
        }
        return .choice(options)
    }

    /// Unsigned decimals m = I.F with low ≤ m ≤ high (each bound possibly strict).
    private static func magnitudes(low: (Magnitude, Bool), high: (Magnitude, Bool)?) -> GrammarExpression? {
        let (lowValue, lowStrict) = low
        if case let (highValue, highStrict)? = high, highValue.integer == lowValue.integer {
            let integer = unsigned(from: lowValue.integer, to: lowValue.integer)
            switch (lowValue.fraction.isEmpty && !lowStrict, highValue.fraction.isEmpty) {
            case (true, _): return .sequence([integer, fractionBelow(highValue.fraction, strict: highStrict)])
            case (false, true): return .choice([])
            case (false, false): return nil
            }
        }
        if let high, high.0.integer < lowValue.integer { return .choice([]) }
        var options: [GrammarExpression] = []
        // Integer parts strictly inside the bounds take any fraction.
        let lastFree = high.map { $0.0.integer - 1 }
        if lastFree.map({ $0 >= lowValue.integer + 1 }) ?? true {
            options.append(.sequence([unsigned(from: lowValue.integer + 1, to: lastFree), .optional(fraction)]))
        }
        options.append(.sequence([unsigned(from: lowValue.integer, to: lowValue.integer), fractionAbove(lowValue.fraction, strict: lowStrict)]))
        if case let (highValue, highStrict)? = high {
            options.append(.sequence([unsigned(from: highValue.integer, to: highValue.integer), fractionBelow(highValue.fraction, strict: highStrict)]))
        }
        return .choice(options)
    }

    /// "" or ".digits" whose value is above (or, not strict, equal to) 0.`digits`.
    private static func fractionAbove(_ digits: [Int], strict: Bool) -> GrammarExpression {
        if digits.isEmpty { return strict ? nonzeroFraction : .optional(fraction) }
        var options: [GrammarExpression] = []
        for (index, digit) in digits.enumerated() where digit < 9 {
            options.append(.sequence([prefix(digits, index), digitRange(digit + 1, 9), .repeated(self.digit, min: 0, max: nil)]))
        }
        options.append(.sequence([prefix(digits, digits.count), .repeated(self.digit, min: 0, max: nil), .characters(CodePointSet([0x31...0x39])), .repeated(self.digit, min: 0, max: nil)]))
        if !strict { options.append(.sequence([prefix(digits, digits.count), .repeated(.literal("0"), min: 0, max: nil)])) }
        return .sequence([.literal("."), .choice(options)])
    }

    /// "" or ".digits" whose value is below (or, not strict, equal to) 0.`digits`.
    private static func fractionBelow(_ digits: [Int], strict: Bool) -> GrammarExpression {
        if digits.isEmpty { return strict ? .choice([]) : .optional(zeroFraction) }
        var options: [GrammarExpression] = []
        for (index, digit) in digits.enumerated() where digit > 0 {
            options.append(.sequence([prefix(digits, index), digitRange(0, digit - 1), .repeated(self.digit, min: 0, max: nil)]))
        }
        for length in 1..<digits.count { options.append(prefix(digits, length)) }
        if !strict { options.append(.sequence([prefix(digits, digits.count), .repeated(.literal("0"), min: 0, max: nil)])) }
        return .optional(.sequence([.literal("."), .choice(options)]))
    }

    private static func prefix(_ digits: [Int], _ length: Int) -> GrammarExpression {
        .literal(digits.prefix(length).map(String.init).joined())
    }

    /// Non-negative integers in [low, high] without leading zeros.
    static func unsigned(from low: Int, to high: Int?) -> GrammarExpression {
        let lowDigits = digits(low)
        var options: [GrammarExpression] = []
        let highLength = high.map { digits($0).count }
        for length in lowDigits.count...(highLength ?? lowDigits.count) {
            let from = length == lowDigits.count ? lowDigits : [1] + Array(repeating: 0, count: length - 1)
            let to = high.map { digits($0).count == length ? digits($0) : Array(repeating: 9, count: length) } ?? Array(repeating: 9, count: length)
            if from.lexicographicallyPrecedes(to) || from == to { options.append(sameLength(from, to)) }
        }
        if high == nil {
            // Any longer number.
            options.append(.sequence([.characters(CodePointSet([0x31...0x39])), .repeated(digit, min: lowDigits.count, max: nil)]))
        }
        return .choice(options)
    }

    private static func sameLength(_ low: [Int], _ high: [Int]) -> GrammarExpression {
        guard let first = low.first, let last = high.first else { return .empty }
        if low.count == 1 { return digitRange(first, last) }
        if first == last { return .sequence([digitRange(first, first), sameLength(Array(low.dropFirst()), Array(high.dropFirst()))]) }
        let rest = low.count - 1
        var options: [GrammarExpression] = []
        let lowTail = Array(low.dropFirst()), highTail = Array(high.dropFirst())
        let nines = Array(repeating: 9, count: rest), zeros = Array(repeating: 0, count: rest)
        var middleFirst = first + 1, middleLast = last - 1
        if lowTail == zeros { middleFirst = first } else {
            options.append(.sequence([digitRange(first, first), sameLength(lowTail, nines)]))
        }
        if highTail == nines { middleLast = last } else {
            options.append(.sequence([digitRange(last, last), sameLength(zeros, highTail)]))
        }
        if middleFirst <= middleLast {
            options.append(.sequence([digitRange(middleFirst, middleLast), .repeated(digit, min: rest, max: rest)]))
        }
        return .choice(options)
    }

    private static func digitRange(_ low: Int, _ high: Int) -> GrammarExpression {
        .characters(CodePointSet([UInt32(0x30 + low)...UInt32(0x30 + high)]))
    }

    private static func digits(_ value: Int) -> [Int] {
        String(value).compactMap(\.wholeNumberValue)
    }
}
