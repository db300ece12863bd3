/// A grammar lowered to bytes, ready for a `Recognizer`: every terminal matches one byte, so a
/// token's bytes can end in the middle of a character or span several terminals.
///
/// Rules are stored like llama.cpp's: one flat element array where each alternative is a run
/// of elements closed by `.end`, so "the next element" is always `position + 1`.
public struct Grammar: Sendable {
    enum Element: Sendable, Hashable {
        case byte(Int32)
        case rule(Int32)
        case end
    }

    let elements: [Element]
    /// For each rule, the element position where each alternative starts.
    let alternatives: [[Int32]]
    let byteSets: [ByteSet]
    let root: Int32
    /// Where the grammar came from (file name, "regex", "schema"), for messages.
    public let source: String
    /// Which rules never finish when no text at all matches, or nil.
    let unfinishable: String?
    /// What the grammar's texts are, for `nothingMatches` ("JSON value" for a schema).
    let textNoun: String

    /// Why no text at all matches (a rule that never finishes, a JSON Schema `false`), or nil.
    public var nothingMatches: String? {
        unfinishable.map { "no \(textNoun) can match: \($0)" }
    }

    public init(_ definition: GrammarDefinition, source: String) throws(GrammarError) {
        var lowering = GrammarLowering(source: source)
        let lowered = try lowering.lower(definition)
        elements = lowered.elements
        alternatives = lowered.alternatives
        byteSets = lowering.byteSets
        root = lowered.root
        self.source = source
        textNoun = definition.textNoun
        unfinishable = EmptyLanguage.reason(lowered.bodies, byteSets: byteSets, names: lowering.names, root: root)
    }

    public var ruleCount: Int { alternatives.count }
}
