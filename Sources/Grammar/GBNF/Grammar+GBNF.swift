extension Grammar {
    /// Compiles a GBNF grammar (llama.cpp's format); errors carry the line and column. A
    /// leading byte-order mark, as some Windows editors write, is not part of the grammar.
    public init(gbnf text: String, source: String = "grammar") throws(GrammarError) {
        try self.init(GBNFParser.parse(text.droppingByteOrderMark, source: source), source: source)
    }
}
