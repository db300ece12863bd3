/// Rejects left-recursive grammars (a rule reaching itself before consuming a byte), which a
/// stack-based recognizer cannot run; llama.cpp rejects the same grammars.
enum LeftRecursion {
    static func check(_ bodies: [[[Grammar.Element]]], names: [String], source: String) throws(GrammarError) {
        let nullable = nullableRules(bodies)
        // Edges: rule -> rules it can start with (through nullable prefixes).
        let edges: [[Int]] = bodies.map { body in
            var targets: [Int] = []
            for alternative in body {
                for element in alternative {
                    guard case .rule(let target) = element else { break }
                    targets.append(Int(target))
                    if !nullable[Int(target)] { break }
                }
            }
            return targets
        }
        // Iterative DFS with colours: 1 = on the current path, 2 = done.
        var colour = [UInt8](repeating: 0, count: bodies.count)
        for start in bodies.indices where colour[start] == 0 {
            var path: [(rule: Int, next: Int)] = [(start, 0)]
            colour[start] = 1
            while let top = path.last {
                if top.next < edges[top.rule].count {
                    path[path.count - 1].next += 1
                    let target = edges[top.rule][top.next]
                    if colour[target] == 1 {
                        let cycle = path.drop { $0.rule != target }.map { names[$0.rule] }
                        throw GrammarError(source: source, problem: "left recursion: \((cycle + [names[target]]).joined(separator: " -> "))")
                    }
                    if colour[target] == 0 {
                        colour[target] = 1
                        path.append((target, 0))
                    }
                } else {
                    colour[top.rule] = 2
                    path.removeLast()
                }
            }
        }
    }

    static func nullableRules(_ bodies: [[[Grammar.Element]]]) -> [Bool] {
        RuleFixpoint.rules(bodies) { element, nullable in
            if case .rule(let target) = element { nullable[Int(target)] } else { false }
        }
    }
}
