/// A validated batch: for each row, the batch rows it attends to (its ancestors, root first,
/// then itself), after the committed cache.
struct BatchPlan {
    let tokens: [BatchToken]
    /// Ancestor chains, flattened: row r's chain is `chains[chainStart[r]..<chainStart[r + 1]]`.
    private(set) var chains: [Int] = []
    private(set) var chainStart: [Int] = [0]
    private(set) var longestChain = 0

    init(_ tokens: [BatchToken], vocabularySize: Int, committed: Int, capacity: Int) throws(ModelError) {
        guard committed + tokens.count <= capacity else { throw .contextFull(limit: capacity) }
        self.tokens = tokens
        for (row, token) in tokens.enumerated() {
            guard token.token >= 0, Int(token.token) < vocabularySize else {
                throw .invalidToken(token.token, vocabularySize: vocabularySize)
            }
            guard token.position >= 0, token.position < capacity else {
                throw .invalidBatch("row \(row) has position \(token.position), outside 0..<\(capacity)")
            }
            var chain = [row]
            if let parent = token.parent {
                guard parent >= 0, parent < row else {
                    throw .invalidBatch("row \(row) has parent \(parent); a parent must be an earlier row")
                }
                chain = chains[chainStart[parent]..<chainStart[parent + 1]] + chain
            }
            chains += chain
            chainStart.append(chains.count)
            longestChain = max(longestChain, chain.count)
        }
    }

    func chain(of row: Int) -> ArraySlice<Int> {
        chains[chainStart[row]..<chainStart[row + 1]]
    }
}
