extension JSONSchemaCompiler {
    /// Refuses keyword values of the wrong kind and counts the grammar cannot hold, and reports
    /// numeric bounds it cannot write exactly; run on schemas as written in the document (merged
    /// schemas are built from checked ones).
    mutating func checkKeywordValues(_ schema: JSONValue, at path: String) throws(GrammarError) {
        for (keyword, value) in schema.members ?? [] {
            guard let expected = JSONSchemaKeywordValue.expected[keyword] else { continue }
            guard expected.accepts(value) else {
                // The value comes first: a narrow line (the TUI's notice) cuts a message's end.
                throw failure("\(keyword) at \(path) is \(value.compactText); it must be \(expected.description)")
            }
            if expected == .count, let count = value.numberValue, count > Double(JSONSchemaKeywordValue.countLimit) {
                throw failure("\(keyword) at \(path) is \(value.compactText), above the limit of \(JSONSchemaKeywordValue.countLimit)")
            }
            if expected == .number || expected == .numberOrBoolean, let bound = value.numberValue, !Self.isExactBound(bound) {
                report("\(keyword) \(value.compactText) at \(path) (bounds must be integers below 2^53 or decimals below 1e15 in magnitude)")
            }
        }
    }

    /// A checked count keyword's value (nil when absent).
    func count(_ keyword: String, in schema: JSONValue) -> Int? {
        schema[keyword]?.numberValue.flatMap { Int(exactly: $0) }
    }

    /// Whether a bound reads back as the number written: every integer below 2^53 is a Double,
    /// and decimals below 1e15 keep their shortest text. Other bounds are left out.
    static func isExactBound(_ bound: Double) -> Bool {
        bound.rounded() == bound ? abs(bound) < 0x1p53 : abs(bound) < 1e15
    }
}
