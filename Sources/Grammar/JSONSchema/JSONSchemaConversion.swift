/// The grammar of a JSON Schema's instances, and what lenient mode ignored.
public struct JSONSchemaConversion: Sendable {
    public let definition: GrammarDefinition
    /// Unsupported features ignored, and unsatisfiable parts kept, in lenient mode, each with
    /// its schema location.
    public let ignored: [String]

    /// Converts a schema (draft 2020-12 or draft 7). Without `options.lenient`, any keyword the
    /// grammar cannot enforce is an error that lists them all.
    public init(schema text: String, options: JSONSchemaOptions = JSONSchemaOptions(), source: String = "schema") throws(GrammarError) {
        let document = try JSONValue(parsing: text, source: source)
        var compiler = JSONSchemaCompiler(document: document, options: options, source: source)
        definition = try compiler.compile()
        if !compiler.contradictions.isEmpty, !options.lenient {
            throw GrammarError(source: source, problem: "\(compiler.contradictions.joined(separator: "; ")) (lenient mode compiles such parts to match nothing)")
        }
        if !compiler.problems.isEmpty, !options.lenient {
            throw GrammarError(source: source, problem: "unsupported JSON Schema features: \(compiler.problems.joined(separator: ", ")) (lenient mode ignores them)")
        }
        ignored = compiler.contradictions + compiler.problems
    }
}
