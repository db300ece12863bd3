/// A property of rules that holds when every element of some alternative has it, a rule
/// element having it as far as the fixpoint has found: "matches the empty string" (only rules
/// that have it), "matches some text" (also bytes from a non-empty set).
enum RuleFixpoint {
    static func rules(_ bodies: [[[Grammar.Element]]], where holds: (Grammar.Element, _ found: [Bool]) -> Bool) -> [Bool] {
        var found = [Bool](repeating: false, count: bodies.count)
        var changed = true
        while changed {
            changed = false
            for (rule, body) in bodies.enumerated() where !found[rule] {
                if body.contains(where: { alternative in alternative.allSatisfy { holds($0, found) } }) {
                    found[rule] = true
                    changed = true
                }
            }
        }
        return found
    }
}
