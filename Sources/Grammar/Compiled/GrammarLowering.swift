/// Turns a `GrammarDefinition` into the flat byte-level form: repetitions, groups and
/// multi-byte character classes become generated rules, as llama.cpp does.
struct GrammarLowering {
    typealias Element = Grammar.Element
    let source: String
    private(set) var names: [String] = []
    private(set) var byteSets: [ByteSet] = []
    private var ruleIndex: [String: Int32] = [:]
    private var bodies: [[[Element]]] = []
    private var byteSetIndex: [ByteSet: Int32] = [:]
    private var characterRules: [CodePointSet: Int32] = [:]
    /// Generated repetition rules by unit and count, so `x*` written many times is one rule.
    private var repetitionRules: [RepetitionKey: Int32] = [:]
    private var currentRule = ""
    private var generatedCount = 0

    init(source: String) { self.source = source }

    mutating func lower(_ definition: GrammarDefinition) throws(GrammarError)
        -> (elements: [Element], alternatives: [[Int32]], root: Int32, bodies: [[[Element]]]) {
        let definition = NullableRepetitions.rewritten(definition)
        for (name, _) in definition.rules where ruleIndex[name] == nil {
            ruleIndex[name] = newRule(named: name)
        }
        guard let root = ruleIndex[definition.root] else {
            throw GrammarError(source: source, problem: "grammar does not define the '\(definition.root)' rule")
        }
        // Like llama.cpp, a rule defined twice keeps its last definition.
        for (name, body) in definition.rules {
            currentRule = name
            generatedCount = 0
            let lowered = try alternatives(of: body)
            if let index = ruleIndex[name] { bodies[Int(index)] = lowered }
        }
        try LeftRecursion.check(bodies, names: names, source: source)
        var elements: [Element] = []
        var starts: [[Int32]] = []
        for body in bodies {
            starts.append(body.map { alternative in
                let start = Int32(elements.count)
                elements += alternative
                elements.append(.end)
                return start
            })
        }
        return (elements, starts, root, bodies)
    }

    private mutating func newRule(named name: String) -> Int32 {
        names.append(name)
        bodies.append([])
        return Int32(names.count - 1)
    }

    private mutating func generatedRule(_ body: [[Element]]) -> Int32 {
        generatedCount += 1
        let index = newRule(named: "\(currentRule)-\(generatedCount)")
        bodies[Int(index)] = body
        return index
    }

    private mutating func alternatives(of expression: GrammarExpression) throws(GrammarError) -> [[Element]] {
        guard case .choice(let options) = expression else { return [try sequence(expression)] }
        var result: [[Element]] = []
        for option in options { result.append(try sequence(option)) }
        return result
    }

    private mutating func sequence(_ expression: GrammarExpression) throws(GrammarError) -> [Element] {
        var elements: [Element] = []
        try append(expression, to: &elements)
        return elements
    }

    private mutating func append(_ expression: GrammarExpression, to elements: inout [Element]) throws(GrammarError) {
        switch expression {
        case .sequence(let items):
            for item in items { try append(item, to: &elements) }
        case .literal(let text):
            for byte in text.utf8 { elements.append(.byte(byteSet(ByteSet(byte...byte)))) }
        case .characters(let set):
            elements.append(characters(set))
        case .rule(let name):
            guard let index = ruleIndex[name] else {
                throw GrammarError(source: source, problem: "rule '\(currentRule)' refers to undefined rule '\(name)'")
            }
            elements.append(.rule(index))
        case .choice(let options) where options.count == 1:
            try append(options[0], to: &elements)
        case .choice:
            elements.append(.rule(generatedRule(try alternatives(of: expression))))
        case .repeated(let item, let min, let max):
            try appendRepetition(of: item, min: min, max: max, to: &elements)
        }
    }

    private mutating func appendRepetition(of item: GrammarExpression, min: Int, max: Int?, to elements: inout [Element]) throws(GrammarError) {
        guard min >= 0, (max ?? min) >= min else {
            throw GrammarError(source: source, problem: "rule '\(currentRule)': invalid repetition {\(min),\(max.map(String.init) ?? "")}")
        }
        var unit = try sequence(item)
        if unit.isEmpty { return }
        if unit.count > 1 { unit = [.rule(generatedRule([unit]))] }
        for _ in 0..<min { elements += unit }
        guard max != min else { return }
        let key = RepetitionKey(unit: unit, optionalCount: max.map { $0 - min })
        if let rule = repetitionRules[key] {
            elements.append(.rule(rule))
            return
        }
        let rule: Int32
        if let max {
            // x{0,n} as nested optionals `o_n ::= x o_(n-1) | ε` so each step has one choice.
            var tail: Int32?
            for _ in 0..<(max - min) {
                tail = generatedRule([unit + (tail.map { [.rule($0)] } ?? []), []])
            }
            guard let tail else { return }
            rule = tail
        } else {
            // x* as `s ::= x s | ε`: right recursion keeps the stack flat.
            generatedCount += 1
            rule = newRule(named: "\(currentRule)-\(generatedCount)")
            bodies[Int(rule)] = [unit + [.rule(rule)], []]
        }
        repetitionRules[key] = rule
        elements.append(.rule(rule))
    }

    private struct RepetitionKey: Hashable {
        let unit: [Element]
        /// nil: unbounded.
        let optionalCount: Int?
    }

    private mutating func byteSet(_ set: ByteSet) -> Int32 {
        if let index = byteSetIndex[set] { return index }
        byteSets.append(set)
        byteSetIndex[set] = Int32(byteSets.count - 1)
        return Int32(byteSets.count - 1)
    }

    /// One byte element for ASCII-only sets; otherwise a rule whose alternatives are the
    /// UTF-8 byte-range sequences (all one-byte members folded into one alternative).
    private mutating func characters(_ set: CodePointSet) -> Element {
        if let last = set.ranges.last, last.upperBound < 0x80 {
            var bytes = ByteSet()
            for range in set.ranges { for scalar in range { bytes.insert(UInt8(scalar)) } }
            return .byte(byteSet(bytes))
        }
        if let rule = characterRules[set] { return .rule(rule) }
        var ascii = ByteSet()
        var hasASCII = false
        var body: [[Element]] = []
        for sequence in UTF8Sequences.of(set) {
            if sequence.count == 1 {
                for byte in sequence[0] { ascii.insert(byte) }
                hasASCII = true
            } else {
                body.append(sequence.map { .byte(byteSet(ByteSet($0))) })
            }
        }
        if hasASCII { body.insert([.byte(byteSet(ascii))], at: 0) }
        let rule = newRule(named: "[\(set.ranges.count) character ranges]")
        bodies[Int(rule)] = body
        characterRules[set] = rule
        return .rule(rule)
    }
}
