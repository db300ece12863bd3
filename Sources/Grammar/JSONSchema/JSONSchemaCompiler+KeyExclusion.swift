extension JSONSchemaCompiler {
    /// The contents of a JSON string (between the quotes) that is none of `names` in any
    /// spelling, so that additional members cannot reuse a declared member's name with another
    /// schema. Built from the names' trie of UTF-16 code units (the unit a `\u` escape writes):
    /// leave the trie with any other character, or stop at a node that is not a name.
    mutating func stringContent(excluding names: [String]) -> GrammarExpression {
        let anyRest = GrammarExpression.repeated(common("json-char"), min: 0, max: nil)
        return excluding(names.map { Array($0.utf16) }, depth: 0, anyRest: anyRest)
    }

    private mutating func excluding(_ names: [[UTF16.CodeUnit]], depth: Int, anyRest: GrammarExpression) -> GrammarExpression {
        var options: [GrammarExpression] = []
        if !names.contains(where: { $0.count == depth }) { options.append(.empty) }
        var children: [UTF16.CodeUnit] = []
        for name in names where name.count > depth && !children.contains(name[depth]) { children.append(name[depth]) }
        let childUnits = CodePointSet(children.map { UInt32($0)...UInt32($0) })
        options.append(.sequence([character(notStartingWith: childUnits), anyRest]))
        for child in children {
            let below = names.filter { $0.count > depth && $0[depth] == child }
            options.append(.sequence([unitSpellings(child), excluding(below, depth: depth + 1, anyRest: anyRest)]))
            guard UTF16.isLeadSurrogate(child) else { continue }
            // A raw supplementary character is two units at once: those that continue a name
            // go on in the trie, the others leave it.
            var trails: [UTF16.CodeUnit] = []
            for name in below where name.count > depth + 1 && !trails.contains(name[depth + 1]) { trails.append(name[depth + 1]) }
            var continuing: [ClosedRange<UInt32>] = []
            for trail in trails {
                let value = Self.supplementary(lead: child, trail: trail)
                continuing.append(value...value)
                let further = below.filter { $0.count > depth + 1 && $0[depth + 1] == trail }
                options.append(.sequence([.characters(CodePointSet(value)), excluding(further, depth: depth + 2, anyRest: anyRest)]))
            }
            let leaving = Self.supplementaryRange(lead: child).subtracting(CodePointSet(continuing))
            if !leaving.isEmpty { options.append(.sequence([.characters(leaving), anyRest])) }
        }
        return .choice(options)
    }

    /// One JSON string character, in any spelling, whose first UTF-16 unit is not in `units`.
    private mutating func character(notStartingWith units: CodePointSet) -> GrammarExpression {
        let leads = units.ranges.flatMap { $0 }.filter { UTF16.isLeadSurrogate(UInt16($0)) }
        let rawExcluded = leads.reduce(Self.stringSpecials.union(units)) { $0.union(Self.supplementaryRange(lead: UInt16($1))) }
        var options: [GrammarExpression] = [.characters(rawExcluded.inverted)]
        let shortLetters = Self.shortEscapes.filter { !units.contains($0.value) }.map { $0.letter.value...$0.letter.value }
        if !shortLetters.isEmpty { options.append(.sequence([.literal("\\"), .characters(CodePointSet(shortLetters))])) }
        options += CodePointSet([0...0xFFFF]).subtracting(units).ranges.map(Self.unicodeEscapes)
        return .choice(options)
    }

    /// The spellings of one UTF-16 unit: a surrogate only as a `\u` escape.
    private func unitSpellings(_ unit: UTF16.CodeUnit) -> GrammarExpression {
        guard let scalar = Unicode.Scalar(unit) else { return Self.unicodeEscapes(UInt32(unit)...UInt32(unit)) }
        return spellings(of: scalar)
    }

    static func supplementary(lead: UTF16.CodeUnit, trail: UTF16.CodeUnit) -> UInt32 {
        0x10000 + (UInt32(lead) - 0xD800) << 10 + (UInt32(trail) - 0xDC00)
    }

    /// The supplementary code points whose UTF-16 form starts with `lead`.
    static func supplementaryRange(lead: UTF16.CodeUnit) -> CodePointSet {
        CodePointSet([supplementary(lead: lead, trail: 0xDC00)...supplementary(lead: lead, trail: 0xDFFF)])
    }
}
