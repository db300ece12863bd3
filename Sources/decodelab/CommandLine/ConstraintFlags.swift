import Decoding

/// `--grammar-file FILE`, `--json-schema FILE`, `--regex PATTERN`: at most one, read and
/// compiled before the model loads so a mistake is reported at once with its file:line:column.
enum ConstraintFlags {
    static let valued: [[String]] = [["--grammar-file"], ["--json-schema"], ["--regex"]]

    static func constraint(_ parsed: Arguments) throws -> ConstraintSpec? {
        let given = valued.compactMap(\.last).filter { parsed.string($0) != nil }
        guard given.count <= 1 else {
            throw CommandLineError.unsupported("\(given.joined(separator: " and ")): give only one constraint")
        }
        if let pattern = parsed.string("--regex") { return try ConstraintLoader.load(regex: pattern, origin: "--regex") }
        for (flag, kind) in [("--grammar-file", ConstraintSpec.Kind.gbnf), ("--json-schema", .jsonSchema)] {
            guard let path = parsed.string(flag) else { continue }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandLineError.invalidValue(flag: flag, value: path, expected: "a readable UTF-8 file")
            }
            // The flag, not the extension, says what the file is.
            let spec = ConstraintSpec(kind: kind, source: text, origin: path)
            try ConstraintLoader.check(spec)
            return spec
        }
        return nil
    }
}
