/// Finds grammars that match no text at all: a rule none of whose alternatives can finish
/// (`a ::= "x" a`), a JSON Schema `false`, `items: false` with `minItems: 1`. Decoding under
/// one could never end (every end-of-text token stays masked), so the constrained strategies
/// refuse it; checking texts against it still works (all are rejected).
enum EmptyLanguage {
    /// Why nothing matches, naming the rules that never finish; nil when some text matches.
    static func reason(_ bodies: [[[Grammar.Element]]], byteSets: [ByteSet], names: [String], root: Int32) -> String? {
        let finishes = finishingRules(bodies, byteSets: byteSets)
        guard !finishes[Int(root)] else { return nil }
        // The rules root reaches that never finish, nearest first, to point at the cause.
        var seen: Set<Int32> = [root]
        var queue = [root]
        var stuck: [String] = []
        while !queue.isEmpty {
            let rule = queue.removeFirst()
            stuck.append(names[Int(rule)])
            for case .rule(let target) in bodies[Int(rule)].joined() where !finishes[Int(target)] && seen.insert(target).inserted {
                queue.append(target)
            }
        }
        let others = stuck.dropFirst().prefix(3).map { "'\($0)'" }
        let through = others.isEmpty ? "" : " (nor can \(others.joined(separator: ", "))\(stuck.count > 4 ? ", …" : ""))"
        return "no alternative of '\(names[Int(root)])' can finish\(through)"
    }

    /// For each rule, whether some text matches it: an alternative of bytes from non-empty sets
    /// and rules that themselves finish.
    static func finishingRules(_ bodies: [[[Grammar.Element]]], byteSets: [ByteSet]) -> [Bool] {
        RuleFixpoint.rules(bodies) { element, finishes in
            switch element {
            case .rule(let target): finishes[Int(target)]
            case .byte(let set): !byteSets[Int(set)].isEmpty
            case .end: true
            }
        }
    }
}
