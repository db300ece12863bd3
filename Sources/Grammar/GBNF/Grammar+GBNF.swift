extension Grammar {
    /// Compiles a GBNF grammar (llama.cpp's format, see `GBNFDocument`); errors carry the line
    /// and column.
    public init(gbnf text: String, source: String = "grammar") throws(GrammarError) {
        try self.init(GBNFDocument(parsing: text, source: source).definition, source: source)
    }
}
