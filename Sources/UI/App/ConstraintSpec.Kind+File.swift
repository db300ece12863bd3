import Decoding
import Foundation

extension ConstraintSpec.Kind {
    /// The kind a file's extension stands for: .gbnf, .json (a JSON Schema) or .regex.
    public static func forFile(_ path: String) -> ConstraintSpec.Kind? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "gbnf": .gbnf
        case "json": .jsonSchema
        case "regex": .regex
        default: nil
        }
    }
}
