/// A GBNF grammar as read, with what llama.cpp accepts in it but deserves a warning.
public struct GBNFDocument: Sendable {
    public let definition: GrammarDefinition
    /// One line for each rule defined again, naming the rule and both lines: the later
    /// definition is the one used, as in llama.cpp, which may not be what was meant.
    public let warnings: [String]

    /// Reads a GBNF grammar (llama.cpp's format); errors carry the line and column. A leading
    /// byte-order mark, as some Windows editors write, is not part of the grammar.
    public init(parsing text: String, source: String = "grammar") throws(GrammarError) {
        (definition, warnings) = try GBNFParser.parse(text.droppingByteOrderMark, source: source)
    }
}
