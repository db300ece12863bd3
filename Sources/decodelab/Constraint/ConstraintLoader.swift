import Decoding
import Foundation
import UI

/// Turns what a user names — a file, or a typed `/regex/` — into a constraint that is known
/// to compile, so a bad grammar is reported (file:line:column) when it is chosen rather than
/// when a constrained strategy first runs. The kind follows the extension: `.gbnf` is GBNF,
/// `.json` a JSON Schema, `.regex` a regular expression (the file's text without its final
/// newline).
enum ConstraintLoader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A constraint from a file, checked.
    static func load(file path: String) throws -> ConstraintSpec {
        guard let kind = ConstraintSpec.Kind.forFile(path) else {
            throw Failure(description: "\(path): not a constraint file (use .gbnf for a grammar, .json for a JSON Schema, .regex for a regular expression)")
        }
        var text: String
        do {
            text = try UserFile.text(path)
        } catch {
            throw Failure(description: "\(path): cannot read the file: \(error.reason)")
        }
        if kind == .regex, text.hasSuffix("\n") { text.removeLast() }
        let spec = ConstraintSpec(kind: kind, source: text, origin: path)
        try check(spec)
        return spec
    }

    /// A regular expression given as text (`--regex`, or `/pattern/` typed in the TUI), checked.
    static func load(regex pattern: String, origin: String) throws -> ConstraintSpec {
        let spec = ConstraintSpec(kind: .regex, source: pattern, origin: origin)
        try check(spec)
        return spec
    }

    /// What the TUI's path prompt accepts: `/pattern/` is a regular expression unless it names
    /// an existing file; anything else is a file path (`~` expanded).
    static func load(typed text: String) throws -> ConstraintSpec {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let path = NSString(string: trimmed).expandingTildeInPath
        if trimmed.count >= 2, trimmed.hasPrefix("/"), trimmed.hasSuffix("/"), !FileManager.default.fileExists(atPath: path) {
            return try load(regex: String(trimmed.dropFirst().dropLast()), origin: trimmed)
        }
        return try load(file: path)
    }

    /// Compiles the constraint exactly as the constrained strategies do — making one compiles
    /// its constraint — and reports the grammar's error (origin:line:column) on its own.
    static func check(_ spec: ConstraintSpec) throws {
        guard let strategy = StrategyCatalog.descriptors.first(where: \.needsConstraint) else { return }
        var parameters = DecodingParameters()
        parameters.constraint = spec
        do {
            _ = try StrategyCatalog.make(strategy.name, parameters: parameters)
        } catch ConstraintError.invalid(_, let error) {
            throw error
        }
    }
}
