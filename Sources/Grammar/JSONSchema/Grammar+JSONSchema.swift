extension Grammar {
    /// Compiles a JSON Schema to the grammar of its instances (see `JSONSchemaConversion`).
    public init(jsonSchema text: String, options: JSONSchemaOptions = JSONSchemaOptions(), source: String = "schema") throws(GrammarError) {
        try self.init(JSONSchemaConversion(schema: text, options: options, source: source).definition, source: source)
    }
}
