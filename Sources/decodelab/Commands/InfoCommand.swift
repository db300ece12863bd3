import Foundation
import Inference

/// `decodelab info -m FILE`: what a GGUF file holds, like gguf-dump.
enum InfoCommand: Command {
    static let name = "info"
    static let summary = "print a GGUF file's architecture, metadata and tensor table"
    static let usage = """
    usage: decodelab info [-m FILE]

    Prints the architecture, hyper-parameters, tokenizer, chat template presence and the tensor
    table (name, type, shape, bytes) of a GGUF model file.

      -m, --model FILE   the model (default: $DECODELAB_MODEL, then the cached default model)

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, valued: [["-m", "--model"]], switches: [])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        guard let path = parsed.string("--model") else { throw CommandLineError.missing("-m FILE") }
        let file = try GGUFFile(path: path)
        var out = "file: \(path)\nGGUF version \(file.version), \(file.fileSize) bytes, alignment \(file.alignment)\n\nmetadata (\(file.metadata.count) keys):\n"
        for (key, value) in file.metadata {
            out += "  \(key.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value.typeName.padding(toLength: 16, withPad: " ", startingAt: 0)) \(summarize(value))\n"
        }
        out += "\ntensors (\(file.tensors.count)):\n"
        for tensor in file.tensors {
            let shape = tensor.dimensions.map(String.init).joined(separator: " x ")
            out += "  \(tensor.name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(tensor.type.name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(shape.padding(toLength: 20, withPad: " ", startingAt: 0)) \(tensor.byteCount)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        return 0
    }

    static func summarize(_ value: GGUFValue) -> String {
        switch value {
        case .string(let s):
            let flat = s.replacingOccurrences(of: "\n", with: "\\n")
            return flat.count > 60 ? "\"\(flat.prefix(60))…\" (\(s.utf8.count) bytes)" : "\"\(flat)\""
        case .array(let items):
            return "[" + items.prefix(5).map(summarize).joined(separator: ", ") + (items.count > 5 ? ", …]" : "]")
        case .float32(let f): return "\(f)"
        case .float64(let f): return "\(f)"
        case .bool(let b): return "\(b)"
        default: return value.integer.map(String.init) ?? "?"
        }
    }
}
