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
        return .choice(options)
    }

    /// Decimal numbers (optional fraction, no exponent) x with `low ≤ x ≤ high` for integral
    /// bounds; `strict` bounds exclude the bound itself.
    static func numbers(low: (value: Int, strict: Bool)?, high: (value: Int, strict: Bool)?) -> GrammarExpression {
        var options: [GrammarExpression] = []
        // x ≥ 0: magnitude bounds are the bounds themselves, clipped at 0.
        if high.map({ $0.value > 0 || ($0.value == 0 && !$0.strict) }) ?? true {
            let lower = low.map { $0.value >= 0 ? $0 : (0, false) } ?? (0, false)
            options.append(magnitudes(low: lower, high: high))
        }
        // x < 0: x = -m, so x ≥ L is m ≤ -L and x ≤ U is m ≥ -U.
        if low.map({ $0.value < 0 }) ?? true {
            let lower = high.map { $0.value <= 0 ? (-$0.value, $0.strict) : (0, true) } ?? (0, true)
            let upper = low.map { (-$0.value, $0.strict) }
            options.append(.sequence([.literal("-"), magnitudes(low: lower, high: upper)]))
        }
        return .choice(options)
    }

    /// Unsigned decimals m = I.F with low ≤ m ≤ high (each bound possibly strict).
    private static func magnitudes(low: (value: Int, strict: Bool), high: (value: Int, strict: Bool)?) -> GrammarExpression {
        var options: [GrammarExpression] = []
        let anyFraction = GrammarExpression.optional(fraction)
        if let high, high.value == low.value {
            if !high.strict, !low.strict { options.append(.sequence([unsigned(from: low.value, to: low.value), .optional(zeroFraction)])) }
            return .choice(options)
        }
        // Integer parts strictly inside the bounds take any fraction.
        let firstFree = low.strict ? low.value + 1 : low.value
        let lastFree = high.map { $0.value - 1 }
        if lastFree.map({ $0 >= firstFree }) ?? true {
            options.append(.sequence([unsigned(from: firstFree, to: lastFree), anyFraction]))
        }
        // At a strict lower bound only a non-zero fraction is above it.
        if low.strict {
            options.append(.sequence([unsigned(from: low.value, to: low.value), nonzeroFraction]))
        }
        // At an inclusive upper bound only a zero fraction stays within it.
        if let high, !high.strict, high.value > low.value {
            options.append(.sequence([unsigned(from: high.value, to: high.value), .optional(zeroFraction)]))
        }
        return .choice(options)
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
