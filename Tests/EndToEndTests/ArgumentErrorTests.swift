import Testing

/// Command-line mistakes are named for what they are, before any model loads: a forgotten
/// value is not blamed on the argument after it, and ranges read as the flag takes them.
struct ArgumentErrorTests {
    @Test(arguments: [
        (["generate", "-p", "Hi", "--top-k", "--temp", "0", "-n", "2"], "option --top-k needs a value"),
        (["generate", "-p", "Hi", "-n", "--temp", "0"], "option -n needs a value"),
        (["generate", "-p", "Hi", "-m", "--chat"], "option -m needs a value"),
        (["generate", "-p", "Hi", "-m", "--model=x"], "option -m needs a value"),
        (["generate", "-p", "Hi", "-s", "-n", "2"], "option -s needs a value"),
        (["generate", "-p", "Hi", "--top-k", "-n", "2"], "option --top-k needs a value"),
        (["generate", "-p", "Hi", "--top-k=--temp"], "option --top-k: '--temp' is not a number"),
        (["generate", "-p", "--no-such-flag", "-n", "x"], "option --n-predict: 'x' is not an integer"),
        (["generate", "-p", "Hi", "--top-k", "2000"], "option --top-k: '2000' is not within 0…1000"),
        (["generate", "-p", "Hi", "-t", "0"], "option --threads: '0' is not within 1…512"),
        (["generate", "-p", "Hi", "-n", "99999999999999999999"], "option --n-predict: '99999999999999999999' is not within -1…2147483647"),
        (["generate", "-p", "Hi", "-n", "-99999999999999999999"], "option --n-predict: '-99999999999999999999' is not within -1…2147483647"),
        (["generate", "-p", "Hi", "-s", "99999999999999999999"], "option --seed: '99999999999999999999' is not within 0…18446744073709551615"),
        (["generate", "-p", "Hi", "-s", "-1"], "option --seed: '-1' is not a non-negative integer"),
        (["replay", "trace.jsonl", "--print", "-t", "0"], "option --threads: '0' is not within 1…512"),
        (["generate", "-p", "Hi", "-f", "prompt.txt"], "-p and -f: give only one"),
        (["tokenize", "-p", "Hi", "-f", "prompt.txt"], "-p and -f: give only one"),
        (["--toy", "-p", "the cat", "-f", "prompt.txt"], "-p and -f: give only one"),
        (["grammar", "foo"], "unknown action 'foo': use `grammar check` or `grammar bench`"),
        (["help", "genrate"], "unknown command 'genrate' (see decodelab --help)"),
        (["grammar", "--regex", "a"], "missing an action: `grammar check` or `grammar bench`"),
        (["grammar", "check", "--regex", "a", "--grammar-file", "samples/grammars/yes-no.gbnf"], "--grammar-file and --regex: give only one constraint"),
        (["grammar", "check", "--regex", "a", "--input", "a", "--input-file", "prompt.txt"], "--input and --input-file: give only one"),
        (["grammar", "check", "--regex", "a", "--whitespace", "flexible"], "--whitespace applies to --json-schema only"),
        (["grammar", "check", "--regex", "a", "--lenient"], "--lenient applies to --json-schema only"),
        (["grammar", "check", "--regex", "a", "--instance", "prompt.txt"], "option --instance belongs to `grammar bench`"),
        (["grammar", "check", "--regex", "a", "--json"], "option --json belongs to `grammar bench`"),
        (["grammar", "check", "--regex", "a", "-m", "model.gguf"], "option -m belongs to `grammar bench`"),
        (["grammar", "bench", "--regex", "a", "--instance", "prompt.txt", "--input", "a"], "option --input belongs to `grammar check`"),
        (["generate", "-m", "", "-p", "Hi"], "option -m: the path is empty"),
        (["generate", "--model=", "-p", "Hi"], "option --model: the path is empty"),
        (["generate", "--events", "", "-p", "Hi"], "option --events: the path is empty"),
        (["generate", "-f", ""], "option -f: the path is empty"),
        (["info", "-m", ""], "option -m: the path is empty"),
        (["info", ""], "the model path is empty"),
        (["replay", ""], "the trace path is empty"),
        (["replay", "trace.jsonl", "-m", ""], "option -m: the path is empty"),
        (["grammar", "check", "--grammar-file", ""], "option --grammar-file: the path is empty"),
    ])
    func aMistakeIsNamedForWhatItIs(_ arguments: [String], message: String) throws {
        let run = try BinaryRun(arguments)
        #expect(run.status == 1, "\(arguments)")
        #expect(run.stderr == "decodelab: \(message)\n", "\(arguments)")
    }

    /// Swift hands the program U+FFFD for bytes that are not UTF-8; a prompt made of them is
    /// refused with the offset, as `-f` refuses such a file, instead of generating from U+FFFD.
    @Test(arguments: [
        ("-p \"$(printf '\\377')\"", "option -p: the value is not UTF-8 text (byte 0xFF at offset 0)"),
        ("--prompt=\"$(printf 'ab\\351')\"", "option --prompt: the value is not UTF-8 text (byte 0xE9 at offset 2)"),
    ])
    func aPromptThatIsNotUTF8IsRefused(_ promptFlag: String, message: String) throws {
        let run = try BinaryRun(shellWords: "generate \(promptFlag) -n 1")
        #expect(run.status == 1)
        #expect(run.stderr == "decodelab: \(message)\n", "\(run.stderr)")
    }
}
