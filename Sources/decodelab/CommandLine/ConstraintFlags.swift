import Decoding
import Foundation

/// `--grammar-file FILE`, `--json-schema FILE`, `--regex PATTERN`: at most one, read and
/// compiled before the model loads so a mistake is reported at once with its file:line:column.
/// `--whitespace` and `--lenient` shape how a JSON Schema becomes a grammar.
enum ConstraintFlags {
    private static let constraintFlags = ["--grammar-file", "--json-schema", "--regex"]
    static let valued: [[String]] = constraintFlags.map { [$0] } + [["--whitespace"]]
    static let switches: [[String]] = [["--lenient"]]

    /// True when one of the constraint flags is on the command line.
    static func isGiven(_ parsed: Arguments) -> Bool {
        constraintFlags.contains { parsed.string($0) != nil }
    }

    /// Refuses two constraints at once, and a JSON Schema option without a schema: either
    /// would leave a flag silently ignored.
    static func checkCombination(_ parsed: Arguments) throws(CommandLineError) {
        let given = constraintFlags.filter { parsed.string($0) != nil }
        guard given.count <= 1 else {
            throw .unsupported("\(given.joined(separator: " and ")): give only one constraint")
        }
        if parsed.string("--json-schema") == nil, let flag = parsed.firstGiven(["--whitespace", "--lenient"]) {
            throw .unsupported("\(flag) applies to --json-schema only")
        }
    }

    static func constraint(_ parsed: Arguments) throws -> ConstraintSpec? {
        try checkCombination(parsed)
        if let pattern = parsed.string("--regex") { return try ConstraintLoader.load(regex: pattern, origin: "--regex") }
        if let path = parsed.string("--grammar-file") {
            return try load(ConstraintSpec(kind: .gbnf, source: try UserFile.text(path, flag: "--grammar-file"), origin: path))
        }
        if let path = parsed.string("--json-schema") {
            let spec = ConstraintSpec(kind: .jsonSchema, source: try UserFile.text(path, flag: "--json-schema"), origin: path,
                                      whitespace: try whitespace(parsed), lenient: parsed.has("--lenient"))
            return try load(spec)
        }
        return nil
    }

    /// `--whitespace compact|flexible` (compact when absent).
    static func whitespace(_ parsed: Arguments) throws -> ConstraintSpec.Whitespace {
        guard let value = parsed.string("--whitespace") else { return .compact }
        guard let whitespace = ConstraintSpec.Whitespace(rawValue: value) else {
            throw CommandLineError.invalidValue(flag: "--whitespace", value: value, expected: "compact or flexible")
        }
        return whitespace
    }

    /// Checks the constraint compiles, and says what in it deserves a warning (a schema's
    /// ignored keywords and parts never satisfied, a grammar's rule defined twice).
    private static func load(_ spec: ConstraintSpec) throws -> ConstraintSpec {
        try ConstraintLoader.check(spec)
        warn(try spec.warnings(), in: spec.origin ?? spec.kind.rawValue)
        return spec
    }

    /// One line per warning (`ConstraintSpec.warnings()`), on stderr.
    static func warn(_ warnings: [String], in origin: String) {
        for warning in warnings {
            Console.err("decodelab: warning: \(origin): \(warning)\n")
        }
    }
}
