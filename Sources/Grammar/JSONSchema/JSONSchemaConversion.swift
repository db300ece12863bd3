/// The grammar of a JSON Schema's instances, what lenient mode ignored, and the parts no value
/// can satisfy.
public struct JSONSchemaConversion: Sendable {
    public let definition: GrammarDefinition
    /// Unsupported features ignored in lenient mode, each with its schema location.
    public let ignored: [String]
    /// Subschemas written so that no value satisfies them, each with its location and why. They
    /// compile to match nothing; where that leaves the whole schema matching nothing the schema
    /// is refused (`Grammar(_:source:)`), elsewhere (an optional property, an unused `$defs`
    /// entry, one `anyOf` branch) they are warnings.
    public let unsatisfiable: [String]
    /// Where the grammar allows more than the schema: an `oneOf` whose branches can overlap,
    /// read as `anyOf`.
    public let approximations: [String]
    public let options: JSONSchemaOptions

    /// The ignored features, unsatisfiable parts and approximations, one line each, as they
    /// are reported (without the schema's name).
    public var warnings: [String] {
        ignored.map { "ignored unsupported \($0)" } + unsatisfiable.map { "\($0); values there are never produced" } + approximations
    }

    /// Converts a schema (draft 2020-12 or draft 7). Without `options.lenient`, any keyword the
    /// grammar cannot enforce is an error that lists them all.
    public init(schema text: String, options: JSONSchemaOptions = JSONSchemaOptions(), source: String = "schema") throws(GrammarError) {
        let document = try JSONValue(parsing: text, source: source)
        var compiler = JSONSchemaCompiler(document: document, options: options, source: source)
        definition = try compiler.compile()
        if !compiler.problems.isEmpty, !options.lenient {
            throw GrammarError(source: source, problem: "unsupported JSON Schema features: \(compiler.problems.joined(separator: ", ")) (lenient mode ignores them)")
        }
        ignored = compiler.problems
        unsatisfiable = compiler.contradictions
        approximations = compiler.approximations
        self.options = options
    }
}
