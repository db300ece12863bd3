/// Which keywords the converter enforces, which it may ignore, and which it cannot honour.
enum JSONSchemaKeywords {
    static let supported: Set<String> = [
        "type", "properties", "required", "additionalProperties", "patternProperties", "items", "prefixItems",
        "additionalItems", "minItems", "maxItems", "enum", "const", "anyOf", "oneOf", "allOf", "$ref", "$defs",
        "definitions", "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minProperties", "maxProperties",
    ]

    /// Keywords that do not restrict a value (annotations, identifiers).
    static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "$anchor", "$vocabulary", "title", "description", "default", "examples",
        "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "contentSchema",
    ]

    /// Keywords that restrict values in ways this converter does not express.
    static let unsupported: Set<String> = [
        "not", "if", "then", "else", "uniqueItems", "contains", "minContains", "maxContains", "propertyNames",
        "dependentRequired", "dependentSchemas", "dependencies", "unevaluatedProperties", "unevaluatedItems",
        "multipleOf", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
    ]

    /// RFC 3339's full-date with the calendar's days: 30 in April, June, September and
    /// November, 28 in February, 29 in a leap year (divisible by 4, centuries by 400).
    static let fullDate = #"(\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|02-(0[1-9]|1\d|2[0-8]))"#
        + #"|(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)"#
    static let fullTime = #"([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([zZ]|[+-]([01]\d|2[0-3]):[0-5]\d)"#

    static let formats: [String: String] = [
        "date": fullDate,
        "time": fullTime,
        "date-time": "(\(fullDate))[tT]\(fullTime)",
        "email": #"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"#,
        "uri": #"[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*"#,
        "uuid": #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#,
        "ipv4": #"(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}"#,
    ]
}
