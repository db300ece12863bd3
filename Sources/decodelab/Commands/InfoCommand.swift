import Foundation
import Inference

/// `decodelab info -m FILE`: what a GGUF file holds, like gguf-dump.
enum InfoCommand: Command {
    static let name = "info"
    static let summary = "print a GGUF file's architecture, metadata and tensor table"
    static let usage = """
    usage: decodelab info [-m FILE | FILE]

    Prints the architecture, hyper-parameters, tokenizer, chat template presence, every metadata
    key and the tensor table (name, type, shape, elements, bytes) of a GGUF model file. A file
    that is not a valid GGUF is refused with the byte offset or key at fault.

      -m, --model FILE   the model (default: $DECODELAB_MODEL, then the cached default model;
                         `info` never downloads)

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, valued: [["-m", "--model"]], switches: [])
        // `info FILE`, as gguf-dump takes it, or `-m FILE` like every other command.
        if parsed.positionals.count > 1 || (parsed.string("--model") != nil && !parsed.positionals.isEmpty),
           let extra = parsed.positionals.last {
            throw CommandLineError.unexpectedArgument(extra)
        }
        if parsed.positionals.first?.isEmpty == true { throw CommandLineError.emptyArgument(what: "model") }
        let path = try ModelLoader.existingPath(explicit: parsed.string("--model") ?? parsed.positionals.first)
        let file = try GGUFFile(path: path)
        Console.out(GGUFReport(file: file).text)
        return 0
    }
}
