extension Grammar {
    /// Compiles a JSON Schema to the grammar of its instances (see `JSONSchemaConversion`).
    public init(jsonSchema text: String, options: JSONSchemaOptions = JSONSchemaOptions(), source: String = "schema") throws(GrammarError) {
        try self.init(JSONSchemaConversion(schema: text, options: options, source: source), source: source)
    }

    /// The grammar of a converted schema. Outside lenient mode, a schema that matches nothing
    /// because of parts no value satisfies is an error naming those parts.
    public init(_ conversion: JSONSchemaConversion, source: String) throws(GrammarError) {
        try self.init(conversion.definition, source: source)
        if nothingMatches != nil, !conversion.unsatisfiable.isEmpty, !conversion.options.lenient {
            throw GrammarError(source: source, problem: conversion.unsatisfiable.joined(separator: "; "))
        }
    }
}
