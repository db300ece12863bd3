/// Bounds on grammar input that keep the recursive parsers and lowering off the end of the
/// stack: 20,000 nested groups crashed the process before these existed.
enum GrammarLimits {
    /// Deepest nesting of parenthesised groups in GBNF and regexes (JSON is bounded apart).
    static let groupNesting = 1000
}
