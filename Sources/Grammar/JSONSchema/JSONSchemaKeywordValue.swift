/// The kind of JSON value a supported keyword must have, so that a mistyped value (say
/// `"minimum": "5"`) is refused instead of silently ignored.
enum JSONSchemaKeywordValue {
    case count, number, numberOrBoolean, string, strings, array, object, schema, schemaOrSchemas, typeNames

    static let expected: [String: JSONSchemaKeywordValue] = [
        "minItems": .count, "maxItems": .count, "minLength": .count, "maxLength": .count,
        "minProperties": .count, "maxProperties": .count,
        "minimum": .number, "maximum": .number,
        // Booleans are draft 4's exclusive flags (see `modernBounds`).
        "exclusiveMinimum": .numberOrBoolean, "exclusiveMaximum": .numberOrBoolean,
        "pattern": .string, "format": .string, "$ref": .string,
        "required": .strings, "type": .typeNames,
        "enum": .array, "prefixItems": .array, "allOf": .array, "anyOf": .array, "oneOf": .array,
        "properties": .object, "patternProperties": .object, "$defs": .object, "definitions": .object,
        "additionalProperties": .schema, "additionalItems": .schema, "items": .schemaOrSchemas,
    ]

    /// The type names `type` may use.
    static let knownTypeNames: Set<String> = ["null", "boolean", "object", "array", "string", "number", "integer"]

    /// Counts above this are refused: lowering a bounded repetition costs time and memory in
    /// proportion to the bound (the regex parser caps `{m,n}` at the same value).
    static let countLimit = 100_000

    /// What the value must be, for error messages.
    var description: String {
        switch self {
        case .count: "a non-negative integer"
        case .number: "a number"
        case .numberOrBoolean: "a number (or, as in draft 4, a boolean)"
        case .string: "a string"
        case .strings: "an array of strings"
        case .array: "an array"
        case .object: "an object"
        case .schema: "a schema (an object or a boolean)"
        case .schemaOrSchemas: "a schema (an object or a boolean) or an array of schemas"
        case .typeNames: "a type name or an array of type names (\(Self.knownTypeNames.sorted().joined(separator: ", ")))"
        }
    }

    func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.count, .number(let n)): n >= 0 && n.rounded() == n
        case (.number, .number), (.numberOrBoolean, .number), (.numberOrBoolean, .bool), (.string, .string), (.array, .array), (.object, .object): true
        case (.strings, .array(let items)): items.allSatisfy { $0.stringValue != nil }
        case (.schema, .object), (.schema, .bool), (.schemaOrSchemas, .object), (.schemaOrSchemas, .bool), (.schemaOrSchemas, .array): true
        case (.typeNames, .string(let name)): Self.knownTypeNames.contains(name)
        case (.typeNames, .array(let items)): items.allSatisfy { $0.stringValue.map(Self.knownTypeNames.contains) ?? false }
        default: false
        }
    }
}
