/// A byte-level pushdown recognizer for a `Grammar`, run as a lazily built DFA.
///
/// A configuration is a set of grammar stacks (as in llama.cpp) whose tops are byte terminals,
/// or the empty stack when the text so far is complete. Stacks are hash-consed linked lists so
/// equal stacks are one id; a configuration set is interned to a `RecognizerState` id, and each
/// (state, byte) transition is computed once and then read from a table. Token masks walk a
/// `TokenTrie` over that table and are cached per state.
///
/// Not thread-safe: one recognizer belongs to one decoding task, and its states only mean
/// something to it. Its tables only grow (about 1 KB per state); make a new recognizer per
/// generation to drop them.
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
    private let transitions = TransitionTable()
    /// Per state whose row is known: the bytes that lead back to the same state.
    private var selfLoops: [ByteSet] = []
    /// Per state: how many plain ASCII bytes in any order surely keep the text alive (see
    /// `horizon(of:)`); -1 not yet known, -2 being computed.
    private var horizons: [Int16] = []
    private static let horizonCap: Int16 = 1024
    /// Printable ASCII but `"` and `\`: what most tokens inside strings and text consist of.
    private static let plainASCII: ByteSet = {
        var set = ByteSet(0x20...0x7E)
        set.remove(UInt8(ascii: "\""))
        set.remove(UInt8(ascii: "\\"))
        return set
    }()
    /// The stacks after a stack's top terminal matched (closure included), per node.
    private var successorClosures: [[Int32]?] = []
    private static let unknown = TransitionTable.unknown
    private static let dead = TransitionTable.dead

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
        var table = transitions.slots
        mask.withWords { words in
        stateAtDepth.withUnsafeMutableBufferPointer { stateAtDepth in
        trie.bytes.withUnsafeBufferPointer { bytes in
        trie.depths.withUnsafeBufferPointer { depths in
        trie.skips.withUnsafeBufferPointer { skips in
        trie.tokenStarts.withUnsafeBufferPointer { tokenStarts in
        trie.tokenIDs.withUnsafeBufferPointer { tokenIDs in
        trie.descendantBytes.withUnsafeBufferPointer { descendantBytes in
        trie.subtreeHeights.withUnsafeBufferPointer { subtreeHeights in
            var node = 0
            let count = bytes.count
            while node < count {
                let depth = Int(depths[node])
                let from = stateAtDepth[depth - 1]
                var next = table[Int(from) << 8 | Int(bytes[node])]
                if next == Self.unknown {
                    next = transition(from, bytes[node])
                    table = transitions.slots
                }
                if next < 0 {
                    node = Int(skips[node])
                    continue
                }
                if table[Int(next) << 8] == Self.unknown {
                    computeRow(of: next)
                    table = transitions.slots
                }
                // Allow the whole subtree's tokens without walking it when everything below
                // loops back to `next` (plain characters inside a string), or is plain ASCII
                // no longer than the state's horizon (characters within a maxLength).
                let below = descendantBytes[node]
                var wholeSubtree = below.isSubset(of: selfLoops[Int(next)])
                if !wholeSubtree, below.isSubset(of: Self.plainASCII) {
                    wholeSubtree = Int(subtreeHeights[node]) <= horizon(of: next)
                    table = transitions.slots
                }
                let end = Int(tokenStarts[wholeSubtree ? Int(skips[node]) : node + 1])
                var index = Int(tokenStarts[node])
                while index < end {
                    let token = Int(tokenIDs[index])
                    words[token >> 6] |= 1 << UInt64(token & 63)
                    index += 1
                }
                stateAtDepth[depth] = next
                node = wholeSubtree ? Int(skips[node]) : node + 1
            }
        }}}}}}}}}
    }

    /// The largest k such that every string of k or fewer plain ASCII bytes is accepted from
    /// `state` (capped; a plain self-loop makes it unbounded). Memoized per state.
    private func horizon(of state: Int32, depth: Int = 0) -> Int {
        let known = horizons[Int(state)]
        if known >= 0 { return Int(known) }
        // A cycle through plain bytes where every state accepts them all never dies; a chain
        // longer than the cap is as good as unbounded for tokens.
        if known == -2 || depth >= Int(Self.horizonCap) { return Int(Self.horizonCap) }
        horizons[Int(state)] = -2
        // Only the plain bytes' successors: building whole rows here would create states for
        // every other byte of every state down a long count.
        let row = transitions.slots[Int(state) << 8] == Self.unknown
            ? successors(of: state, for: Self.plainASCII)
            : Array(UnsafeBufferPointer(start: transitions.slots + Int(state) << 8, count: 256))
        var result = Self.horizonCap
        var seen: Set<Int32> = [state]
        for byte in 0..<256 where Self.plainASCII.contains(UInt8(byte)) {
            let next = row[byte]
            if next < 0 {
                result = 0
                break
            }
            guard seen.insert(next).inserted else { continue }
            result = min(result, Int16(min(horizon(of: next, depth: depth + 1) + 1, Int(Self.horizonCap))))
        }
        horizons[Int(state)] = result
        return Int(result)
    }

    private func transition(_ from: Int32, _ byte: UInt8) -> Int32 {
        let slot = Int(from) << 8 | Int(byte)
        if transitions.slots[slot] == Self.unknown { computeRow(of: from) }
        return transitions.slots[slot]
    }

    /// Fills all 256 transitions of a state at once: bytes accepted by the same stacks lead to
    /// the same next state, so each distinct group is built and interned once.
    private func computeRow(of from: Int32) {
        let row = successors(of: from, for: Self.allBytes)
        let base = transitions.slots + Int(from) << 8
        var loops = ByteSet()
        for byte in 0..<256 {
            base[byte] = row[byte]
            if row[byte] == from { loops.insert(UInt8(byte)) }
        }
        selfLoops[Int(from)] = loops
    }

    private static let allBytes = ByteSet(0...255)

    /// The next state for each byte in `wanted` (`unknown` for the others). Bytes accepted by
    /// the same stacks lead to the same state, so each distinct group is built and interned once.
    private func successors(of from: Int32, for wanted: ByteSet) -> [Int32] {
        let live = sets[Int(from)].filter { $0 >= 0 }
        var row = [Int32](repeating: Self.unknown, count: 256)
        if live.count <= 64 {
            var signatures = [UInt64](repeating: 0, count: 256)
            for (bit, stack) in live.enumerated() {
                guard case .byte(let set) = elements[Int(nodePositions[Int(stack)])] else { continue }
                let bytes = byteSets[Int(set)]
                for byte in 0..<256 where bytes.contains(UInt8(byte)) { signatures[byte] |= 1 << UInt64(bit) }
            }
            var stateForSignature: [UInt64: Int32] = [0: Self.dead]
            for byte in 0..<256 where wanted.contains(UInt8(byte)) {
                let signature = signatures[byte]
                if let known = stateForSignature[signature] {
                    row[byte] = known
                    continue
                }
                var next: [Int32] = []
                for bit in 0..<live.count where signature >> UInt64(bit) & 1 != 0 { next += successorClosure(of: live[bit]) }
                let id = intern(next)
                stateForSignature[signature] = id
                row[byte] = id
            }
        } else {
            for byte in 0..<256 where wanted.contains(UInt8(byte)) {
                var next: [Int32] = []
                for stack in live {
                    guard case .byte(let set) = elements[Int(nodePositions[Int(stack)])], byteSets[Int(set)].contains(UInt8(byte)) else { continue }
                    next += successorClosure(of: stack)
                }
                row[byte] = next.isEmpty ? Self.dead : intern(next)
            }
        }
        return row
    }

    private func successorClosure(of stack: Int32) -> [Int32] {
        if let known = successorClosures[Int(stack)] { return known }
        let result = closure(of: successor(of: stack))
        successorClosures[Int(stack)] = result
        return result
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
        successorClosures.append(nil)
        nodeIndex[key] = id
        return id
    }

    private func intern(_ stacks: [Int32]) -> Int32 {
        var set = stacks.sorted()
        var unique = 0
        for stack in set where unique == 0 || set[unique - 1] != stack {
            set[unique] = stack
            unique += 1
        }
        set.removeLast(set.count - unique)
        if let existing = setIndex[set] { return existing }
        let id = Int32(sets.count)
        sets.append(set)
        setIndex[set] = id
        transitions.appendRow()
        selfLoops.append(ByteSet())
        horizons.append(-1)
        return id
    }
}
