extension JSONSchemaCompiler {
    /// The contents of a JSON string (between the quotes) that is none of `names`, so that
    /// additional members cannot reuse a declared member's name with another schema. Built from
    /// the names' character trie: leave the trie with any other character, or stop at a node
    /// that is not a name.
    mutating func stringContent(excluding names: [String]) -> GrammarExpression {
        let anyRest = GrammarExpression.repeated(common("json-char"), min: 0, max: nil)
        return excluding(names.map { Array($0.unicodeScalars) }, depth: 0, anyRest: anyRest)
    }

    private mutating func excluding(_ names: [[Unicode.Scalar]], depth: Int, anyRest: GrammarExpression) -> GrammarExpression {
        var options: [GrammarExpression] = []
        if !names.contains(where: { $0.count == depth }) { options.append(.empty) }
        var children: [Unicode.Scalar] = []
        for name in names where name.count > depth && !children.contains(name[depth]) { children.append(name[depth]) }
        // Any other character; escapes always count as other (names rarely need them).
        let others = Self.stringSpecials.union(CodePointSet(children.map { $0.value...$0.value })).inverted
        options.append(.sequence([.choice([.characters(others), common("json-escape")]), anyRest]))
        for child in children {
            let below = names.filter { $0.count > depth && $0[depth] == child }
            options.append(.sequence([jsonEncoded(.literal(String(child))), excluding(below, depth: depth + 1, anyRest: anyRest)]))
        }
        return .choice(options)
    }
}
