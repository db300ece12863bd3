/// Unbounded repetitions of an item that can match the empty string (`(a*)*`, `(a|b*)+`,
/// `(x?y?)*z`, `x*` with `x ::= "a"?`) rewritten to repeat only the item's non-empty matches:
/// the same language, but the stack-based recognizer no longer sees a repetition that recurses
/// without consuming a byte (which it must refuse as left recursion, and did, naming generated
/// rules). A rule that can match nothing gets a companion `NAME-nonempty` for its other matches.
struct NullableRepetitions {
    private let nullableRules: Set<String>
    /// Rules whose non-empty companion the rewritten rules refer to, in the order first needed.
    private var companions: [String] = []

    static func rewritten(_ definition: GrammarDefinition) -> GrammarDefinition {
        var rewriting = NullableRepetitions(nullableRules: nullableRules(of: definition))
        var rules = definition.rules.map { (name: $0.name, body: rewriting.rewritten($0.body)) }
        // Like lowering, the last definition of a rule counts.
        var bodies: [String: GrammarExpression] = [:]
        for rule in rules { bodies[rule.name] = rule.body }
        var written = 0
        while written < rewriting.companions.count {
            let name = rewriting.companions[written]
            written += 1
            let body = bodies[name].flatMap { rewriting.nonEmpty($0) } ?? .choice([])
            rules.append((name: companionName(of: name), body: body))
        }
        return GrammarDefinition(rules: rules, root: definition.root, textNoun: definition.textNoun)
    }

    private static func companionName(of rule: String) -> String { "\(rule)-nonempty" }

    private mutating func rewritten(_ expression: GrammarExpression) -> GrammarExpression {
        switch expression {
        case .sequence(let items): return .sequence(items.map { rewritten($0) })
        case .choice(let options): return .choice(options.map { rewritten($0) })
        case .repeated(let item, let min, let max):
            let inner = rewritten(item)
            // (y*)* and (y+)* are y*, (y+){m,} is y{m,}: one repetition instead of nested ones,
            // which a recognizer would otherwise try in every way to split the text.
            if max == nil, case .repeated(let y, let innerMin, nil) = Self.alone(inner), innerMin <= 1 {
                return .repeated(y, min: innerMin == 0 ? 0 : min, max: nil)
            }
            // Bounded repetitions are lowered without recursion, so only unbounded ones matter.
            guard max == nil, Self.isNullable(inner, nullableRules) else { return .repeated(inner, min: min, max: max) }
            // x{m,} with x able to match nothing is (x without the empty match)*: the m
            // copies can all be empty.
            guard let nonEmpty = nonEmpty(inner) else { return .empty }
            return .repeated(nonEmpty, min: 0, max: nil)
        case .literal, .characters, .rule: return expression
        }
    }

    /// The expression without the one-item sequences and choices around it (a GBNF group).
    private static func alone(_ expression: GrammarExpression) -> GrammarExpression {
        switch expression {
        case .sequence(let items) where items.count == 1: alone(items[0])
        case .choice(let options) where options.count == 1: alone(options[0])
        default: expression
        }
    }

    static func isNullable(_ expression: GrammarExpression, _ nullableRules: Set<String>) -> Bool {
        switch expression {
        case .sequence(let items): items.allSatisfy { isNullable($0, nullableRules) }
        case .choice(let options): options.contains { isNullable($0, nullableRules) }
        case .literal(let text): text.isEmpty
        case .characters: false
        case .rule(let name): nullableRules.contains(name)
        case .repeated(let item, let min, _): min == 0 || isNullable(item, nullableRules)
        }
    }

    /// The rules that can match the empty string (a fixpoint over the definition).
    private static func nullableRules(of definition: GrammarDefinition) -> Set<String> {
        var nullable: Set<String> = []
        var changed = true
        while changed {
            changed = false
            for (name, body) in definition.rules where !nullable.contains(name) && isNullable(body, nullable) {
                nullable.insert(name)
                changed = true
            }
        }
        return nullable
    }

    /// The expression's matches other than the empty string; nil when there are none. A
    /// nullable rule becomes a reference to its non-empty companion.
    private mutating func nonEmpty(_ expression: GrammarExpression) -> GrammarExpression? {
        guard Self.isNullable(expression, nullableRules) else { return expression }
        switch expression {
        case .literal, .characters: return nil
        case .rule(let name):
            if !companions.contains(name) { companions.append(name) }
            return .rule(Self.companionName(of: name))
        case .choice(let options):
            let kept = options.compactMap { nonEmpty($0) }
            return kept.isEmpty ? nil : kept.count == 1 ? kept[0] : .choice(kept)
        case .sequence(let items):
            // Every item can match nothing: a non-empty match starts with a non-empty match of
            // some item, all before it empty.
            guard let first = items.first else { return nil }
            let rest = GrammarExpression.sequence(Array(items.dropFirst()))
            let options = [nonEmpty(first).map { GrammarExpression.sequence([$0, rest]) }, nonEmpty(rest)]
                .compactMap { $0 }
            return options.isEmpty ? nil : options.count == 1 ? options[0] : .choice(options)
        case .repeated(let item, _, let max):
            guard max != 0, let once = nonEmpty(item) else { return nil }
            return .repeated(once, min: 1, max: max)
        }
    }
}
