/// A byte-level pushdown recognizer for a `Grammar`, run as a lazily built DFA.
///
/// A configuration is a set of grammar stacks (as in llama.cpp) whose tops are byte terminals,
/// or the empty stack when the text so far is complete. Stacks are hash-consed linked lists so
/// equal stacks are one id; a configuration set is interned to a `RecognizerState` id, and each
/// (state, byte) transition is computed once and then read from a table. Token masks walk a
/// `TokenTrie` over that table and are cached per state.
///
/// Not thread-safe: one recognizer belongs to one decoding task.
public final class Recognizer {
    public let grammar: Grammar
    private let elements: [Grammar.Element]
    private let byteSets: [ByteSet]

    // Stack nodes: a grammar position and the node below it (-1: bottom).
    private var nodePositions: [Int32] = []
    private var nodeParents: [Int32] = []
    private var nodeIndex: [Int64: Int32] = [:]
    private var closures: [[Int32]?] = []

    // Configuration sets (sorted node ids; -1 is the empty, complete stack) and transitions.
    private var sets: [[Int32]] = []
    private var setIndex: [[Int32]: Int32] = [:]
    private var transitions: [Int32] = []
    private static let unknown: Int32 = -2
    private static let dead: Int32 = -1

    private var maskCache: [Int32: TokenMask] = [:]
    private var maskCacheTrie: ObjectIdentifier?
    private static let maskCacheLimit = 512

    public let initialState: RecognizerState

    public init(_ grammar: Grammar) {
        self.grammar = grammar
        elements = grammar.elements
        byteSets = grammar.byteSets
        initialState = RecognizerState(id: 0)
        var start: [Int32] = []
        for alternative in grammar.alternatives[Int(grammar.root)] {
            start += closure(of: elements[Int(alternative)] == .end ? -1 : node(alternative, parent: -1))
        }
        let id = intern(start)
        precondition(id == 0, "the start state is the first state")
    }

    /// The state after `byte`, or nil when no text in the language continues that way.
    public func advance(_ state: RecognizerState, byte: UInt8) -> RecognizerState? {
        let next = transition(state.id, byte)
        return next < 0 ? nil : RecognizerState(id: next)
    }

    /// The state after all of `bytes` (which may span several terminals), or nil.
    public func advance<Bytes: Sequence<UInt8>>(_ state: RecognizerState, bytes: Bytes) -> RecognizerState? {
        var id = state.id
        for byte in bytes {
            id = transition(id, byte)
            if id < 0 { return nil }
        }
        return RecognizerState(id: id)
    }

    /// Whether `bytes` can follow from `state` (the state itself is a value and never changes).
    public func canAccept<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from state: RecognizerState) -> Bool {
        advance(state, bytes: bytes) != nil
    }

    /// Whether the text that led to `state` is a complete member of the language.
    public func isComplete(_ state: RecognizerState) -> Bool {
        sets[Int(state.id)].first == -1
    }

    /// Whether `bytes` is a complete member of the language.
    public func matches<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        advance(initialState, bytes: bytes).map(isComplete) ?? false
    }

    /// How many distinct states have been built so far (grows as new contexts are met).
    public var stateCount: Int { sets.count }

    /// The tokens allowed after `state`: those whose bytes keep the text a prefix of the language
    /// (special tokens never), plus the end tokens when the text is complete.
    public func mask(after state: RecognizerState, in trie: TokenTrie) -> TokenMask {
        if maskCacheTrie != ObjectIdentifier(trie) {
            maskCache.removeAll()
            maskCacheTrie = ObjectIdentifier(trie)
        }
        if let cached = maskCache[state.id] { return cached }
        var mask = TokenMask(vocabularySize: trie.vocabularySize)
        walk(trie, from: state.id, into: &mask)
        if isComplete(state) {
            for token in trie.endTokens { mask.insert(token) }
        }
        if maskCache.count >= Self.maskCacheLimit { maskCache.removeAll(keepingCapacity: true) }
        maskCache[state.id] = mask
        return mask
    }

    /// Preorder walk of the trie: a dead transition skips the node's whole subtree.
    private func walk(_ trie: TokenTrie, from start: Int32, into mask: inout TokenMask) {
        var stateAtDepth = [Int32](repeating: Self.dead, count: trie.maxDepth + 1)
        stateAtDepth[0] = start
        trie.bytes.withUnsafeBufferPointer { bytes in
        trie.depths.withUnsafeBufferPointer { depths in
        trie.skips.withUnsafeBufferPointer { skips in
        trie.tokenStarts.withUnsafeBufferPointer { tokenStarts in
        trie.tokenIDs.withUnsafeBufferPointer { tokenIDs in
            var node = 0
            while node < bytes.count {
                let depth = Int(depths[node])
                let from = stateAtDepth[depth - 1]
                var next = transitions[Int(from) << 8 | Int(bytes[node])]
                if next == Self.unknown { next = transition(from, bytes[node]) }
                if next < 0 {
                    node = Int(skips[node])
                    continue
                }
                stateAtDepth[depth] = next
                for index in Int(tokenStarts[node])..<Int(tokenStarts[node + 1]) {
                    mask.insert(Int(tokenIDs[index]))
                }
                node += 1
            }
        }}}}}
    }

    private func transition(_ from: Int32, _ byte: UInt8) -> Int32 {
        let slot = Int(from) << 8 | Int(byte)
        let known = transitions[slot]
        if known != Self.unknown { return known }
        var next: [Int32] = []
        for stack in sets[Int(from)] where stack >= 0 {
            let position = Int(nodePositions[Int(stack)])
            guard case .byte(let set) = elements[position], byteSets[Int(set)].contains(byte) else { continue }
            next += closure(of: successor(of: stack))
        }
        let id = next.isEmpty ? Self.dead : intern(next)
        transitions[slot] = id
        return id
    }

    /// The stack after the terminal on top of `stack` matched.
    private func successor(of stack: Int32) -> Int32 {
        let position = nodePositions[Int(stack)] + 1
        let parent = nodeParents[Int(stack)]
        return elements[Int(position)] == .end ? parent : node(position, parent: parent)
    }

    /// The stacks reachable from `stack` without consuming a byte, each topped by a terminal
    /// (or the empty stack). Memoized per node; terminates because left recursion is rejected.
    private func closure(of stack: Int32) -> [Int32] {
        if stack < 0 { return [-1] }
        if let known = closures[Int(stack)] { return known }
        let position = Int(nodePositions[Int(stack)])
        var result: [Int32] = []
        switch elements[position] {
        case .byte:
            result = [stack]
        case .rule(let rule):
            let parent = nodeParents[Int(stack)]
            let continuation = elements[position + 1] == .end ? parent : node(Int32(position + 1), parent: parent)
            for alternative in grammar.alternatives[Int(rule)] {
                result += closure(of: elements[Int(alternative)] == .end ? continuation : node(alternative, parent: continuation))
            }
        case .end:
            preconditionFailure("stack nodes never point at an alternative's end")
        }
        closures[Int(stack)] = result
        return result
    }

    private func node(_ position: Int32, parent: Int32) -> Int32 {
        let key = Int64(position) << 32 | Int64(UInt32(bitPattern: parent))
        if let existing = nodeIndex[key] { return existing }
        let id = Int32(nodePositions.count)
        nodePositions.append(position)
        nodeParents.append(parent)
        closures.append(nil)
        nodeIndex[key] = id
        return id
    }

    private func intern(_ stacks: [Int32]) -> Int32 {
        let set = Array(Set(stacks)).sorted()
        if let existing = setIndex[set] { return existing }
        let id = Int32(sets.count)
        sets.append(set)
        setIndex[set] = id
        transitions += repeatElement(Self.unknown, count: 256)
        return id
    }
}
