/// Byte-pair merging of one word, as llama.cpp does it: repeatedly join the adjacent pair with the
/// lowest merge rank (the leftmost on ties) until no adjacent pair has a rule. Symbols live in a
/// linked list; candidate pairs wait in a binary heap and are dropped when stale. Buffers are kept
/// between words, so one merger serves a whole encode call.
struct BPEMerger {
    private struct Candidate {
        let rank: Int32
        let result: Int32
        let left: Int32
        let right: Int32
        let leftSymbol: Int32
        let rightSymbol: Int32

        @inline(__always)
        func precedes(_ other: Candidate) -> Bool {
            rank < other.rank || (rank == other.rank && left < other.left)
        }
    }

    /// Symbol per position; -1 once merged into its left neighbour.
    private var symbols: [Int32] = []
    private var previous: [Int32] = []
    private var next: [Int32] = []
    private var heap: [Candidate] = []

    /// Merges the symbols of one word and appends the resulting symbols to `output`.
    mutating func merge(_ word: some Collection<Int32>, with merges: MergeTable, into output: inout [Int32]) {
        if word.count < 2 {
            output.append(contentsOf: word)
            return
        }
        symbols.removeAll(keepingCapacity: true)
        previous.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        symbols.append(contentsOf: word)
        let count = Int32(symbols.count)
        for i in 0..<count {
            previous.append(i - 1)
            next.append(i + 1 < count ? i + 1 : -1)
        }
        for i in 1..<count { consider(i - 1, i, merges) }

        while let best = popFirst() {
            let left = Int(best.left), right = Int(best.right)
            // Stale when either side has changed since the pair was queued.
            guard symbols[left] == best.leftSymbol, symbols[right] == best.rightSymbol else { continue }
            symbols[left] = best.result
            symbols[right] = -1
            let after = next[right]
            next[left] = after
            if after >= 0 { previous[Int(after)] = best.left }
            if previous[left] >= 0 { consider(previous[left], best.left, merges) }
            if after >= 0 { consider(best.left, after, merges) }
        }

        var i: Int32 = 0
        while i >= 0 {
            output.append(symbols[Int(i)])
            i = next[Int(i)]
        }
    }

    @inline(__always)
    private mutating func consider(_ left: Int32, _ right: Int32, _ merges: MergeTable) {
        let leftSymbol = symbols[Int(left)], rightSymbol = symbols[Int(right)]
        guard let rule = merges.merge(leftSymbol, rightSymbol) else { return }
        push(Candidate(rank: rule.rank, result: rule.result, left: left, right: right, leftSymbol: leftSymbol, rightSymbol: rightSymbol))
    }

    private mutating func push(_ candidate: Candidate) {
        heap.append(candidate)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popFirst() -> Candidate? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let first = heap[0]
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
