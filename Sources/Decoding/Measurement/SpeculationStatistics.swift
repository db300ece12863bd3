/// What speculative rounds achieved, accumulated from their step traces: how many drafted tokens
/// the target tested and kept, per draft position and overall, and how the rounds spent time.
/// Bench reports and the TUI's cost panel both read these.
public struct SpeculationStatistics: Sendable, Equatable {
    /// Steps whose payload is a draft tree.
    public private(set) var rounds = 0
    /// Drafted nodes proposed, tested or not.
    public private(set) var drafted = 0
    /// Drafted nodes the target judged (accepted or rejected).
    public private(set) var tested = 0
    public private(set) var accepted = 0
    public private(set) var draftEvaluations = 0
    public private(set) var seconds = 0.0
    /// Rounds whose walk reached draft position d (index d − 1): a node was drafted there after
    /// an accepted path of length d − 1.
    public private(set) var reached: [Int] = []
    /// Rounds whose accepted path reached position d (index d − 1).
    public private(set) var acceptedAt: [Int] = []
    /// How many rounds drafted each number of nodes: their verify passes had that many rows
    /// plus one.
    public private(set) var roundsByDraftSize: [Int: Int] = [:]
    /// The time those rounds took, by the same key.
    public private(set) var secondsByDraftSize: [Int: Double] = [:]

    public init() {}

    public init(steps: some Sequence<StepTrace>) {
        for step in steps { add(step) }
    }

    public mutating func add(_ step: StepTrace) {
        guard case .draftTree(let tree) = step.payload else { return }
        rounds += 1
        drafted += tree.nodes.count
        tested += tree.nodes.filter { $0.verdict != .untested }.count
        accepted += tree.acceptedPath.count
        draftEvaluations += step.draftEvaluations
        seconds += step.seconds
        roundsByDraftSize[tree.nodes.count, default: 0] += 1
        secondsByDraftSize[tree.nodes.count, default: 0] += step.seconds
        var parent: Int? = nil
        for depth in 0...tree.acceptedPath.count {
            guard tree.nodes.contains(where: { $0.parent == parent }) else { break }
            if reached.count <= depth { reached.append(0); acceptedAt.append(0) }
            reached[depth] += 1
            guard depth < tree.acceptedPath.count else { break }
            acceptedAt[depth] += 1
            parent = tree.acceptedPath[depth]
        }
    }

    /// Accepted over tested drafted tokens.
    public var acceptanceRate: Double {
        tested > 0 ? Double(accepted) / Double(tested) : 0
    }

    /// For each draft position, the share of rounds reaching it whose draft there was accepted
    /// (for i.i.d. acceptance every entry is the same α).
    public var positionAcceptance: [Double] {
        zip(acceptedAt, reached).map { $1 > 0 ? Double($0) / Double($1) : 0 }
    }

    /// Drafted tokens per round: the verify pass evaluates these plus the last committed token.
    public var meanDraftSize: Double {
        rounds > 0 ? Double(drafted) / Double(rounds) : 0
    }
}
