/// Static bounds on how much plain ASCII (see `TokenTrie.plainASCII`) a grammar position can
/// take, read from the rules alone. A counted string (`x{0,40}` lowered to nested optionals)
/// gets exact bounds this way, so a recognizer knows "every plain string of up to n bytes, and
/// none longer" without building the n states of the count.
///
/// Values are capped at `unbounded`. A rule met again while it is being evaluated (recursion)
/// is assumed to take nothing for the lower bounds and anything for the upper ones, so every
/// value stays a true bound, only a looser one.
struct PlainRuns {
    struct Run: Equatable {
        /// Every plain string of at most `lower` bytes is a prefix of some match.
        var lower: Int
        /// Every plain string of exactly `complete` bytes is a whole match (-1: no such claim).
        var complete: Int
        /// No plain string longer than `upper` bytes is a prefix of a match.
        var upper: Int
        /// No whole match made of plain bytes is longer than `completeUpper` (-1: there is none).
        var completeUpper: Int
    }

    static let unbounded = 1024
    private static let empty = Run(lower: 0, complete: 0, upper: 0, completeUpper: 0)
    /// What a rule met again during its own evaluation stands for: nothing claimed, nothing
    /// excluded.
    private static let recursive = Run(lower: 0, complete: -1, upper: unbounded, completeUpper: unbounded)

    private let elements: [Grammar.Element]
    private let alternatives: [[Int32]]
    private let byteSets: [ByteSet]
    private var sequences: [Run?]
    private var rules: [Run?]
    private var evaluating: [Bool]

    init(_ grammar: Grammar) {
        elements = grammar.elements
        alternatives = grammar.alternatives
        byteSets = grammar.byteSets
        sequences = [Run?](repeating: nil, count: grammar.elements.count)
        rules = [Run?](repeating: nil, count: grammar.alternatives.count)
        evaluating = [Bool](repeating: false, count: grammar.alternatives.count)
    }

    /// The bounds of the rest of an alternative, from element `position` to its end. Computed
    /// from the end backwards (alternatives can be long literals; no recursion per element).
    mutating func sequence(from position: Int) -> Run {
        if let known = sequences[position] { return known }
        var end = position
        while elements[end] != .end { end += 1 }
        var run = Self.empty
        for index in stride(from: end - 1, through: position, by: -1) {
            if let known = sequences[index] {
                run = known
                continue
            }
            let head = switch elements[index] {
            case .byte(let set): Self.byte(byteSets[Int(set)])
            case .rule(let rule): rules[Int(rule)] ?? self.rule(Int(rule))
            case .end: Self.empty
            }
            run = Self.concatenation(head, run)
            sequences[index] = run
        }
        return run
    }

    /// The bounds of `head` followed by a text with bounds `tail`.
    static func concatenation(_ head: Run, _ tail: Run) -> Run {
        Run(lower: max(head.lower, head.complete >= 0 ? sum(head.complete, tail.lower) : 0),
            complete: head.complete >= 0 && tail.complete >= 0 ? sum(head.complete, tail.complete) : -1,
            upper: max(head.upper, head.completeUpper >= 0 ? sum(head.completeUpper, tail.upper) : 0),
            completeUpper: head.completeUpper >= 0 && tail.completeUpper >= 0 ? sum(head.completeUpper, tail.completeUpper) : -1)
    }

    /// A rule's bounds, evaluated after the rules it refers to by a depth-first search with an
    /// explicit stack (a count of nested optionals is as deep as the count, too deep for the
    /// call stack). `evaluating` marks the rules on the current path: meeting one is recursion.
    private mutating func rule(_ rule: Int) -> Run {
        if let known = rules[rule] { return known }
        if evaluating[rule] { return Self.recursive }
        var path: [(rule: Int, references: [Int], next: Int)] = [(rule, references(of: rule), 0)]
        evaluating[rule] = true
        while let top = path.last {
            if top.next < top.references.count {
                path[path.count - 1].next += 1
                let referenced = top.references[top.next]
                if rules[referenced] == nil, !evaluating[referenced] {
                    evaluating[referenced] = true
                    path.append((referenced, references(of: referenced), 0))
                }
                continue
            }
            var run = Run(lower: 0, complete: -1, upper: 0, completeUpper: -1)
            for start in alternatives[top.rule] {
                let option = sequence(from: Int(start))
                run = Run(lower: max(run.lower, option.lower), complete: max(run.complete, option.complete),
                          upper: max(run.upper, option.upper), completeUpper: max(run.completeUpper, option.completeUpper))
            }
            rules[top.rule] = run
            evaluating[top.rule] = false
            path.removeLast()
        }
        return rules[rule] ?? Self.recursive
    }

    private func references(of rule: Int) -> [Int] {
        var result: [Int] = []
        for start in alternatives[rule] {
            var position = Int(start)
            while elements[position] != .end {
                if case .rule(let referenced) = elements[position] { result.append(Int(referenced)) }
                position += 1
            }
        }
        return result
    }

    private static func byte(_ set: ByteSet) -> Run {
        let all = TokenTrie.plainASCII.isSubset(of: set)
        let some = !set.intersection(TokenTrie.plainASCII).isEmpty
        return Run(lower: all ? 1 : 0, complete: all ? 1 : -1, upper: some ? 1 : 0, completeUpper: some ? 1 : -1)
    }

    private static func sum(_ a: Int, _ b: Int) -> Int { min(a + b, unbounded) }
}
