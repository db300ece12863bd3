import Inference

/// Lookahead decoding's 2-D window: `levels.count` past Jacobi iterates of `width` guesses.
/// Column j of level r guesses the token r + j + 1 places after the committed text. As a tree,
/// level 0 is a chain from the committed text and every deeper guess hangs off the guess one
/// level up and one column left, so each guess sees exactly its column's trajectory; the
/// target's argmax after the deepest level is the next iterate, and each column's trajectory
/// plus that argmax is an n-gram for the pool.
public struct JacobiWindow: Sendable, Equatable {
    public private(set) var levels: [[TokenID]]

    public var width: Int { levels.first?.count ?? 0 }

    /// `depth` levels of `width` guesses taken cyclically from `seed` (the prompt's tail).
    public init(depth: Int, width: Int, seed: [TokenID]) {
        let source = seed.isEmpty ? [0] : seed
        let count = max(1, depth) * max(1, width)
        let start = max(0, source.count - count)
        levels = (0..<max(1, depth)).map { level in
            (0..<max(1, width)).map { column in source[(start + level * max(1, width) + column) % source.count] }
        }
    }

    /// Adds the window to `builder` under the committed text; returns the node of every guess
    /// (nil where the tree's depth limit cut it off), indexed [level][column].
    public func place(into builder: inout DraftTreeBuilder) -> [[Int?]] {
        var placed: [[Int?]] = []
        for (level, guesses) in levels.enumerated() {
            var row: [Int?] = []
            for (column, token) in guesses.enumerated() {
                // Level 0 is a chain from the committed text; deeper guesses follow the guess above.
                if level == 0, column == 0 {
                    row.append(builder.child(of: nil, token: token))
                } else if let parent = level > 0 ? placed[level - 1][column] : row[column - 1] {
                    row.append(builder.child(of: parent, token: token))
                } else {
                    row.append(nil)
                }
            }
            placed.append(row)
        }
        return placed
    }

    /// The n-grams the window yields once `next` (the argmax after each deepest guess, nil where
    /// unknown) is known: each column's trajectory followed by its next iterate.
    public func ngrams(next: [TokenID?]) -> [[TokenID]] {
        zip(0..<width, next).compactMap { column, token in token.map { levels.map { $0[column] } + [$0] } }
    }

    /// Moves the window on after `committed` tokens joined the text: every level takes the next
    /// level's guesses `committed` places on (the newest level takes `next`), so each column keeps
    /// guessing the same absolute position; columns past the end repeat the last guess.
    public mutating func advance(next: [TokenID?], committed: Int) {
        let newest = zip(levels[levels.count - 1], next).map { old, new in new ?? old }
        let shifted = Array(levels.dropFirst()) + [newest]
        let offset = max(0, committed - 1)
        levels = shifted.map { level in (0..<width).map { level[min($0 + offset, width - 1)] } }
    }
}
