import Foundation
import Inference

/// `decodelab tokenize`: a text's token ids and pieces, like llama.cpp's llama-tokenize.
enum TokenizeCommand: Command {
    static let name = "tokenize"
    static let summary = "print the tokens of a text (ids and pieces), like llama-tokenize"
    static let usage = """
    usage: decodelab tokenize [-m FILE] (-p TEXT | -f FILE) [--ids] [--parse-special] [--stats]

    Tokenizes the text with the model's tokenizer, without adding BOS, and prints one
    `id 'piece'` line per token. Pieces are shown safely: `\\n`, `\\t`, `\\\\`, `\\u{..}` for
    other control characters, and `\\xNN` for bytes that are only part of a UTF-8 character.

      -m, --model FILE    the model (default: $DECODELAB_MODEL, then the cached default model;
                          `tokenize` never downloads)
      -p, --prompt TEXT   the text to tokenize
      -f, --file FILE     tokenize this file's contents instead
      --ids               print only the ids, as one JSON array on one line
      --parse-special     turn spellings of control tokens (<|im_start|>) into those tokens;
                          without it they are tokenized as plain text (llama-tokenize parses
                          them unless given --no-parse-special)
      --stats             also print, on stderr, the tokenizer's load time and the
                          tokenizing speed (MB/s, wall clock and CPU time)

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            valued: [["-m", "--model"]] + PromptFlags.valued,
            switches: [["--ids"], ["--parse-special"], ["--stats"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        guard let text = try PromptFlags.text(parsed, dropFinalNewline: false).map({ Array($0.utf8) }) else {
            throw CommandLineError.missing("the text: -p TEXT or -f FILE")
        }
        let path = try ModelLoader.existingPath(explicit: parsed.string("--model"))

        let openStart = TimeStamp.now()
        let file = try GGUFFile(path: path)
        let opened = TimeStamp.now()
        let tokenizer = try Tokenizer(gguf: file)
        let loaded = TimeStamp.now()
        let ids = text.withUnsafeBufferPointer { tokenizer.encode(utf8: $0, parseSpecial: parsed.has("--parse-special")) }
        let tokenized = TimeStamp.now()

        var out = ""
        if parsed.has("--ids") {
            out = "[" + ids.map(String.init).joined(separator: ", ") + "]\n"
        } else {
            out.reserveCapacity(ids.count * 16)
            for id in ids {
                let number = String(id)
                out += String(repeating: " ", count: max(0, 6 - number.count)) + number + " '" + tokenizer.piece(id) + "'\n"
            }
        }
        Console.out(out)

        if parsed.has("--stats") {
            let (wall, cpu) = tokenized.since(loaded)
            let megabytes = Double(text.count) / 1_000_000
            let report = String(
                format: "GGUF opened in %.1f ms, tokenizer built in %.1f ms (CPU %.1f ms)\n%d bytes -> %d tokens in %.1f ms: %.2f MB/s (CPU %.1f ms: %.2f MB/s)\n",
                opened.since(openStart).wall * 1000, loaded.since(opened).wall * 1000, loaded.since(opened).cpu * 1000,
                text.count, ids.count, wall * 1000, megabytes / wall, cpu * 1000, megabytes / cpu)
            Console.err(report)
        }
        return 0
    }

    /// A wall-clock and process-CPU time stamp: CPU time shows the tokenizer's own cost when
    /// other processes share the cores.
    private struct TimeStamp {
        let wall: Double
        let cpu: Double

        static func now() -> TimeStamp {
            var cpu = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
            return TimeStamp(wall: Date().timeIntervalSinceReferenceDate, cpu: Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9)
        }

        func since(_ start: TimeStamp) -> (wall: Double, cpu: Double) {
            (wall - start.wall, cpu - start.cpu)
        }
    }
}
