/// A byte-level pushdown recognizer for a `Grammar`, run as a lazily built DFA.
///
/// A configuration is a set of grammar stacks (as in llama.cpp) whose tops are byte terminals,
/// or the empty stack when the text so far is complete. Stacks are hash-consed linked lists so
/// equal stacks are one id; a configuration set is interned to a `RecognizerState` id, and each
/// (state, byte) transition is computed once, when first needed, and then read from a table.
///
/// A token mask starts from the plain-ASCII tokens the state surely allows (as many bytes as
/// its horizon: static bounds from `PlainRuns`, else a search) as one bitset copy, then walks
/// the rest of the `TokenTrie` over the table. Masks are cached per state.
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
    private var nodeIndex = NodeIndex()
    /// Per node: bounds on the plain ASCII its stack takes (see `PlainRuns`); per state: the
    /// upper bound (plain tokens longer than it are rejected without a walk).
    private var plainRuns: PlainRuns
    private let plainRunsHold: Bool
    private var nodePlainLowers: [Int16] = []
    private var nodePlainUppers: [Int16] = []
    private var statePlainUppers: [Int16] = []
    private var closures: [[Int32]?] = []

    // Configuration sets (sorted node ids; -1 is the empty, complete stack) and transitions.
    private var sets: [[Int32]] = []
    private var setIndex: [[Int32]: Int32] = [:]
    private let transitions = TransitionTable()
    /// Per state: whether its horizon (kept in the table) is exact.
    private var horizonExact: [Bool] = []
    /// The refresh search that last visited each state, so one refresh visits a state once.
    private var horizonSearched: [UInt32] = []
    private var horizonGeneration: UInt32 = 0
    private static let horizonCap: Int16 = 1024
    private static let horizonReach = 64
    private static let plainBytes: [UInt8] = (0x20...0x7E).filter { TokenTrie.plainASCII.contains($0) }
    private static let plainASCII = TokenTrie.plainASCII
    /// The stacks after a stack's top terminal matched (closure included), per node.
    private var successorClosures: [[Int32]?] = []
    private static let unknown = TransitionTable.unknown
    private static let dead = TransitionTable.dead

    private var maskCache: [Int32: TokenMask] = [:]
    private var maskCacheTrie: ObjectIdentifier?
    private static let maskCacheLimit = 512
    /// The walk's state per trie depth, kept between masks to save an allocation each.
    private var stateAtDepth: [Int32] = []
    /// Reused buffers of `fill`: byte classes, and the stacks of a next state.
    private var classScratch: [ByteSet] = []
    private var stackScratch: [Int32] = []

    public let initialState: RecognizerState

    public init(_ grammar: Grammar) {
        self.grammar = grammar
        elements = grammar.elements
        byteSets = grammar.byteSets
        plainRuns = PlainRuns(grammar)
        // A rule without alternatives (an unsatisfiable schema part) can make a stack vanish
        // after bytes the bounds count as taken; such grammars rely on searched horizons only.
        plainRunsHold = grammar.alternatives.allSatisfy { !$0.isEmpty }
        initialState = RecognizerState(id: 0)
        var start: [Int32] = []
        for alternative in grammar.alternatives[Int(grammar.root)] {
            start += closure(of: elements[Int(alternative)] == .end ? -1 : node(alternative, parent: -1))
        }
        let id = intern(&start)
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
        // Every plain token no longer than the horizon is allowed: one bitset copy. The walks
        // then only meet plain tokens longer than that, and the mixed ones.
        let covered = horizon(of: state.id, refresh: true)
        let longest = Int(statePlainUppers[Int(state.id)])
        var mask = TokenMask(words: trie.plainWords(upToLength: covered), vocabularySize: trie.vocabularySize)
        let needed = max(trie.plain.maxDepth, trie.mixed.maxDepth) + 1
        if stateAtDepth.count < needed { stateAtDepth = [Int32](repeating: Self.dead, count: needed) }
        mask.withWords { words in
            if covered < min(longest, trie.plain.maxDepth) { walk(trie.plain, from: state.id, covered: covered, longest: longest, into: words) }
            walk(trie.mixed, from: state.id, covered: 0, longest: Int.max, into: words)
        }
        if isComplete(state) {
            for token in trie.endTokens { mask.insert(token) }
        }
        if maskCache.count >= Self.maskCacheLimit { maskCache.removeAll(keepingCapacity: true) }
        maskCache[state.id] = mask
        return mask
    }

    /// Preorder walk of a trie: a dead transition skips the node's whole subtree. Tokens of at
    /// most `covered` bytes are already in the mask; those longer than `longest` are rejected.
    private func walk(_ trie: TrieLayout, from start: Int32, covered: Int, longest: Int, into words: UnsafeMutableBufferPointer<UInt64>) {
        fill(start, trie.firstBytes)
        // Raw views of the table, re-read after anything that may add a state.
        var table = transitions.slots
        var known = transitions.knownBytes
        var loops = transitions.selfLoops
        var horizons = transitions.horizons
        stateAtDepth.withUnsafeMutableBufferPointer { stateAtDepth in
        stateAtDepth[0] = start
        trie.bytes.withUnsafeBufferPointer { bytes in
        trie.depths.withUnsafeBufferPointer { depths in
        trie.skips.withUnsafeBufferPointer { skips in
        trie.tokenStarts.withUnsafeBufferPointer { tokenStarts in
        trie.tokenIDs.withUnsafeBufferPointer { tokenIDs in
        trie.descendantBytes.withUnsafeBufferPointer { descendantBytes in
        trie.byteSets.withUnsafeBufferPointer { byteSets in
        trie.subtreeHeights.withUnsafeBufferPointer { subtreeHeights in
            var node = 0
            let count = bytes.count
            while node < count {
                let depth = Int(depths[node])
                if depth > longest {
                    node = Int(skips[node])
                    continue
                }
                let from = stateAtDepth[depth - 1]
                var next = table[Int(from) << 8 | Int(bytes[node])]
                if next == Self.unknown {
                    next = transition(from, bytes[node])
                    (table, known, loops, horizons) = (transitions.slots, transitions.knownBytes, transitions.selfLoops, transitions.horizons)
                }
                if next < 0 {
                    node = Int(skips[node])
                    continue
                }
                // Allow the whole subtree's tokens without walking it when everything below
                // loops back to `next` (plain characters inside a string), or is plain ASCII
                // no longer than the state's horizon (characters within a maxLength).
                let below = byteSets[Int(descendantBytes[node])]
                let height = Int(subtreeHeights[node])
                if !below.isSubset(of: known[Int(next)]) {
                    fill(next, below)
                    (table, known, loops, horizons) = (transitions.slots, transitions.knownBytes, transitions.selfLoops, transitions.horizons)
                }
                var wholeSubtree = below.isSubset(of: loops[Int(next)])
                if !wholeSubtree, below.isSubset(of: Self.plainASCII) {
                    let memo = Int(horizons[Int(next)])
                    if memo >= 0 {
                        wholeSubtree = height <= memo
                    } else {
                        wholeSubtree = height <= horizon(of: next)
                        (table, known, loops, horizons) = (transitions.slots, transitions.knownBytes, transitions.selfLoops, transitions.horizons)
                    }
                }
                let skip = Int(skips[node])
                // Tokens up to `covered` bytes are in the mask already.
                let end = wholeSubtree ? (depth + height > covered ? Int(tokenStarts[skip]) : 0) : (depth > covered ? Int(tokenStarts[node + 1]) : 0)
                var index = Int(tokenStarts[node])
                while index < end {
                    let token = Int(tokenIDs[index])
                    words[token >> 6] |= 1 << UInt64(token & 63)
                    index += 1
                }
                stateAtDepth[depth] = next
                node = wholeSubtree ? skip : node + 1
            }
        }}}}}}}}}
    }

    /// A lower bound on how many plain ASCII bytes, in any order, keep the text alive from
    /// `state` (`horizonCap` when they never end it, as inside a free string). Exact unless the
    /// search met a cycle through other states or went `horizonReach` states deep; such bounds
    /// are memoized as inexact and searched again when `refresh` asks (once per mask start).
    /// A low bound is safe: the walk then checks tokens it could have taken whole.
    private func horizon(of state: Int32, refresh: Bool = false) -> Int {
        if refresh { horizonGeneration &+= 1 }
        return horizonSearch(state, depth: 0, refresh: refresh).value
    }

    private func horizonSearch(_ state: Int32, depth: Int, refresh: Bool) -> (value: Int, exact: Bool) {
        let index = Int(state)
        let memo = transitions.horizons[index]
        if memo >= 0, horizonExact[index] || !refresh || horizonSearched[index] == horizonGeneration {
            return (Int(memo), horizonExact[index])
        }
        if memo == -2 || depth >= Self.horizonReach { return (0, false) }
        transitions.horizons[index] = -2
        horizonSearched[index] = horizonGeneration
        // Only the plain bytes' transitions: whole rows here would create states for every
        // other byte of every state down a long count.
        fill(state, Self.plainASCII)
        var value = Int(Self.horizonCap)
        var exact = true
        var previous = state
        for byte in Self.plainBytes {
            let next = transitions.slots[index << 8 | Int(byte)]
            if next < 0 {
                (value, exact) = (0, true)
                break
            }
            // A self-loop never ends the text; plain bytes mostly share one next state.
            if next == state || next == previous { continue }
            previous = next
            let below = horizonSearch(next, depth: depth + 1, refresh: refresh)
            value = min(value, below.value + 1)
            exact = exact && below.exact
        }
        transitions.horizons[index] = Int16(min(value, Int(Self.horizonCap)))
        horizonExact[index] = exact
        return (value, exact)
    }

    private func transition(_ from: Int32, _ byte: UInt8) -> Int32 {
        let slot = Int(from) << 8 | Int(byte)
        if transitions.slots[slot] == Self.unknown { fill(from, ByteSet(byte...byte)) }
        return transitions.slots[slot]
    }

    /// Fills the transitions of `from` for at least the `wanted` bytes. Bytes accepted by the
    /// same stacks lead to the same state, so the unknown bytes are split into classes by which
    /// stacks accept them; each class that meets `wanted` gets its next state built and
    /// interned once, and is filled whole so later asks for its other bytes cost nothing.
    private func fill(_ from: Int32, _ wanted: ByteSet) {
        let unknownBytes = Self.allBytes.subtracting(transitions.knownBytes[Int(from)])
        let missing = wanted.intersection(unknownBytes)
        if missing.isEmpty { return }
        // Scratch buffers are taken out of self while in use, keeping their capacity.
        var classes = classScratch
        var gathered = stackScratch
        defer { (classScratch, stackScratch) = (classes, gathered) }
        classes.removeAll(keepingCapacity: true)
        classes.append(unknownBytes)
        let stacks = sets[Int(from)]
        for stack in stacks where stack >= 0 {
            let accepted = acceptedBytes(stack)
            for index in classes.indices {
                let inside = classes[index].intersection(accepted)
                if inside.isEmpty || inside == classes[index] { continue }
                classes[index] = classes[index].subtracting(accepted)
                classes.append(inside)
            }
        }
        for group in classes where !group.intersection(missing).isEmpty {
            // Every byte of a class is accepted by the same stacks: those accepting its first.
            let byte = group.first
            gathered.removeAll(keepingCapacity: true)
            for stack in stacks where stack >= 0 && acceptedBytes(stack).contains(byte) {
                gathered += successorClosure(of: stack)
            }
            let target = gathered.isEmpty ? Self.dead : intern(&gathered)
            // Interning may grow the table, so the row pointer is taken after it.
            let row = transitions.slots + Int(from) << 8
            group.forEach { row[Int($0)] = target }
            if target == from { transitions.selfLoops[Int(from)].formUnion(group) }
            transitions.knownBytes[Int(from)].formUnion(group)
        }
    }

    private func acceptedBytes(_ stack: Int32) -> ByteSet {
        guard case .byte(let set) = elements[Int(nodePositions[Int(stack)])] else { return ByteSet() }
        return byteSets[Int(set)]
    }

    private static let allBytes = ByteSet(0...255)

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
    /// (or the empty stack). Memoized per rule-topped node (a terminal-topped one is itself);
    /// terminates because left recursion is rejected.
    private func closure(of stack: Int32) -> [Int32] {
        if stack < 0 { return [-1] }
        let position = Int(nodePositions[Int(stack)])
        guard case .rule(let rule) = elements[position] else { return [stack] }
        if let known = closures[Int(stack)] { return known }
        let parent = nodeParents[Int(stack)]
        let continuation = elements[position + 1] == .end ? parent : node(Int32(position + 1), parent: parent)
        var result: [Int32] = []
        for alternative in grammar.alternatives[Int(rule)] {
            switch elements[Int(alternative)] {
            case .end: result += closure(of: continuation)
            case .byte: result.append(node(alternative, parent: continuation))
            case .rule: result += closure(of: node(alternative, parent: continuation))
            }
        }
        closures[Int(stack)] = result
        return result
    }

    private func node(_ position: Int32, parent: Int32) -> Int32 {
        nodeIndex.id(for: Int64(position) << 32 | Int64(UInt32(bitPattern: parent))) {
            let id = Int32(nodePositions.count)
            nodePositions.append(position)
            nodeParents.append(parent)
            let bounds = plainBounds(position: Int(position), parent: parent)
            nodePlainLowers.append(Int16(bounds.lower))
            nodePlainUppers.append(Int16(bounds.upper))
            closures.append(nil)
            successorClosures.append(nil)
            return id
        }
    }

    /// Bounds on the plain ASCII a stack takes: its alternative's rest, then its parent when
    /// that rest can end on plain bytes.
    private func plainBounds(position: Int, parent: Int32) -> (lower: Int, upper: Int) {
        guard plainRunsHold else { return (0, PlainRuns.unbounded) }
        let rest = plainRuns.sequence(from: position)
        let below = parent < 0 ? (lower: 0, upper: 0) : (lower: Int(nodePlainLowers[Int(parent)]), upper: Int(nodePlainUppers[Int(parent)]))
        let tail = PlainRuns.Run(lower: below.lower, complete: -1, upper: below.upper, completeUpper: -1)
        let run = PlainRuns.concatenation(rest, tail)
        return (run.lower, run.upper)
    }

    /// The state of a set of stacks; `stacks` is sorted and deduplicated in place.
    private func intern(_ stacks: inout [Int32]) -> Int32 {
        stacks.sort()
        var unique = 0
        for index in stacks.indices where unique == 0 || stacks[unique - 1] != stacks[index] {
            stacks[unique] = stacks[index]
            unique += 1
        }
        stacks.removeLast(stacks.count - unique)
        if let existing = setIndex[stacks] { return existing }
        let set = stacks
        let id = Int32(sets.count)
        sets.append(set)
        setIndex[set] = id
        transitions.appendRow()
        // A state's plain strings are its stacks' together: every stack's lower bound holds
        // for it, and no plain string goes past the largest upper bound. Equal bounds are
        // its exact horizon, so no search is needed.
        var lower: Int16 = 0
        var upper: Int16 = 0
        for stack in set where stack >= 0 {
            lower = max(lower, nodePlainLowers[Int(stack)])
            upper = max(upper, nodePlainUppers[Int(stack)])
        }
        statePlainUppers.append(upper)
        if lower == upper {
            transitions.horizons[Int(id)] = lower
        }
        horizonExact.append(lower == upper)
        horizonSearched.append(0)
        return id
    }
}
