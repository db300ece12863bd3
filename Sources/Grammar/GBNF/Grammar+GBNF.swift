extension Grammar {
    /// Compiles a GBNF grammar (llama.cpp's format); errors carry the line and column.
    public init(gbnf text: String, source: String = "grammar") throws(GrammarError) {
        try self.init(GBNFParser.parse(text, source: source), source: source)
    }
}
