import Foundation
import Glibc
import TestSupport
import Testing

/// The constraint and strategy-parameter flags of `generate` and the TUI as a user meets them:
/// mistakes are reported before any model loads, naming the flag or file:line:column; and a
/// constraint given on the command line is what the screen shows and applies.
@Suite(.serialized) struct ConstraintFlagTests {
    /// Runs the binary without a terminal; returns its exit status and stderr.
    func run(_ arguments: [String]) throws -> (status: Int32, stderr: String, stdout: String) {
        let run = try BinaryRun(arguments)
        return (run.status, run.stderr, run.stdout)
    }

    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [["generate", "-p", "hi"], ["--toy"]])
    func mistakesAreNamedBeforeAnythingLoads(_ command: [String]) throws {
        let grammar = try temporaryFile("bad.gbnf", "root ::= \"a\" |\n  x y\n")
        let latin1 = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-latin1.gbnf").path
        try Data(Array("root ::= \"".utf8) + [0xE9, 0x22]).write(to: URL(fileURLWithPath: latin1))
        defer { for path in [grammar, latin1] { try? FileManager.default.removeItem(atPath: path) } }
        let cases: [([String], String)] = [
            (["--json-schema", "/nonexistent/schema.json"], "option --json-schema: cannot read '/nonexistent/schema.json': there is no such file"),
            (["--grammar-file", "samples"], "option --grammar-file: cannot read 'samples': it is a directory"),
            (["--grammar-file", latin1], "option --grammar-file: cannot read '\(latin1)': it is not UTF-8 text (byte 0xE9 at offset 10)"),
            (["--grammar-file", grammar], "\(grammar):2:3: undefined rule 'x'"),
            (["--regex", "(ab"], "--regex:1:1: missing ')'"),
            (["--json-schema", "samples/schemas/person.json", "--regex", "a"], "--json-schema and --regex: give only one constraint"),
            (["--strategy", "constrained-mask"], "constrained-mask needs a constraint: pass --grammar-file, --json-schema or --regex"),
            (["--beam-width", "2.5"], "option --beam-width: '2.5' is not a whole number"),
            (["--beam-width", "0"], "option --beam-width: '0' is not within 1…32"),
            (["--top-k", "2000"], "option --top-k: '2000' is not within 0…1000"),
            (["--temp", "9"], "option --temp: '9' is not within 0.0…5.0"),
            (["--particle-count", "3"], "unknown option --particle-count"),
        ]
        for (flags, message) in cases {
            let result = try run(command + flags)
            #expect(result.status == 1, "\(flags)")
            #expect(result.stderr == "decodelab: \(message)\n", "\(flags)")
        }
    }

    /// A GBNF rule defined twice is accepted, as llama.cpp accepts it (the later definition is
    /// used), with a warning naming the rule and both lines, as schema warnings are given:
    /// by `grammar check`, by `generate`, and on the TUI's notice line when picked with `c`.
    @Test func aRuleDefinedTwiceIsAcceptedWithAWarning() throws {
        let grammar = try temporaryFile("twice.gbnf", "root ::= answer\nanswer ::= \"no\"\nanswer ::= \"yes\"\n")
        defer { try? FileManager.default.removeItem(atPath: grammar) }
        let warning = "decodelab: warning: \(grammar): rule 'answer' is defined on line 2 and again on line 3; the later definition is used\n"
        let check = try run(["grammar", "check", "--grammar-file", grammar, "--input", "yes"])
        #expect(check.status == 0 && check.stderr == warning, "\(check.stderr)")
        #expect(check.stdout.contains("input: accepted"), "\(check.stdout)")
        let generate = try run(["generate", "-m", try GoldenData.defaultModelPath(), "-p", "Hi", "--grammar-file", grammar,
                                "--temp", "0", "-n", "4", "-s", "1"])
        #expect(generate.status == 0 && generate.stdout == "yes\n", "\(generate.stderr)")
        #expect(generate.stderr.contains(warning), "\(generate.stderr)")
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "4"])
        tty.type("c")
        #expect(tty.waitFor("samples/schemas/person.json"))
        tty.type(grammar + "\r")
        #expect(tty.waitFor("'answer'"), "the warning on the notice line")
        tty.type("q")
        #expect(tty.waitForExit())
    }

    @Test func everyStrategyParameterIsAFlag() throws {
        let help = try run(["generate", "--help"]).stdout
        for flag in ["--draft-length", "--exit-layer", "--ngram-size", "--beam-width", "--temperature, --temp", "--estimator"] {
            #expect(help.contains(flag), "\(flag)")
        }
    }

    /// A layer the default model (30 layers) does not have is refused, not replaced by another.
    @Test func aLayerBeyondTheModelIsRefused() throws {
        let model = try GoldenData.defaultModelPath()
        let result = try run(["generate", "-m", model, "-p", "Hi", "--strategy", "speculative-early-exit", "--exit-layer", "64", "-n", "2"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("option --exit-layer: '64' is not within 1…29 on this model of 30 layers"), "\(result.stderr)")
    }

    /// The real model, greedy: the only texts the regex allows are "yes" and "no".
    @Test func generateAppliesARegexWithAConstrainedStrategy() throws {
        let model = try GoldenData.defaultModelPath()
        let result = try run(["generate", "-m", model, "--chat", "-p", "Is the sky blue? Answer yes or no.", "--strategy", "constrained-mask",
                              "--regex", "(yes|no)", "--temp", "0", "-n", "8", "-s", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(["yes\n", "no\n"].contains(result.stdout))
    }

    /// Output cut by -n before the constraint is complete is not passed off as an answer.
    @Test func aConstrainedOutputCutByTheLengthLimitIsAnError() throws {
        let model = try GoldenData.defaultModelPath()
        let result = try run(["generate", "-m", model, "-p", "Count:", "--regex", "[0-9]+ apples", "--temp", "0", "-n", "2", "-s", "1"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("finished: length limit"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(
            "decodelab: the output is incomplete: the length limit (-n 2) ran out before /[0-9]+ apples/ was complete\n"), "\(result.stderr)")
    }

    /// `-f -` reads the prompt from standard input, and `--regex` then constrains the answer.
    @Test func aPromptFileOfDashIsStandardInput() throws {
        let model = try GoldenData.defaultModelPath()
        let result = try BinaryRun(["generate", "-m", model, "--chat", "-f", "-", "--regex", "(yes|no)", "--temp", "0", "-n", "8", "-s", "1"],
                                   stdin: Data("Is the sky blue? Answer yes or no.\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(["yes\n", "no\n"].contains(result.stdout), "\(result.stdout)")
    }

    /// A constraint without --strategy is applied (constrained-mask), not ignored with a warning.
    @Test func aConstraintAloneIsApplied() throws {
        let model = try GoldenData.defaultModelPath()
        let result = try run(["generate", "-m", model, "--chat", "-p", "Is the sky blue? Answer yes or no.", "--regex", "(yes|no)",
                              "--temp", "0", "-n", "8", "-s", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(["yes\n", "no\n"].contains(result.stdout), "\(result.stdout)")
        #expect(result.stderr.contains("with constrained-mask") && !result.stderr.contains("warning"), "\(result.stderr)")
    }

    @Test func generateWarnsAboutUnusedParametersAndRefusesAnIgnoredConstraint() throws {
        let model = try GoldenData.defaultModelPath()
        let warned = try run(["generate", "-m", model, "-p", "Hello", "--strategy", "greedy", "-n", "1", "--draft-length", "3"])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("decodelab: warning: greedy does not use --draft-length\n"))
        let refused = try run(["generate", "-m", model, "-p", "Hello", "--strategy", "greedy", "--regex", "a", "-n", "1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("greedy does not apply a constraint, so /a/ would be ignored: choose one of constrained-mask"), "\(refused.stderr)")
    }

    /// The ToyModel under a regex over its words: the header names the constraint, the
    /// inspector shows the mask, `c` lists the repository's sample files, and a typed `/regex/`
    /// replaces the constraint and replays the run under it.
    @Test func theTUIShowsAndSwapsTheConstraint() throws {
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-frame-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let tty = try PseudoTerminal(arguments: ["--toy", "--regex", "( the| a)( cat| dog)( sat| ran)\\.", "--strategy", "constrained-mask",
                                                 "-n", "20", "--dump-frame", dump])
        #expect(tty.waitFor("allowed"))
        #expect(tty.waitFor("( the| a)( cat| dog)"))
        tty.type("c")
        #expect(tty.waitFor("samples/schemas/person.json"))
        tty.type("/ a dog ran\\./\r")
        // The screen is written as a diff, so wait for a short piece and read the final frame.
        #expect(tty.waitFor("(regex)"))
        usleep(500_000)
        tty.type("q")
        #expect(tty.waitForExit())
        let frame = try String(contentsOfFile: dump, encoding: .utf8)
        #expect(frame.split(separator: "\n").first?.contains("⊨ / a dog ran\\./") == true)
        #expect(frame.contains("a dog ran."))
        #expect(frame.contains("mask 1/16 allowed"), "every token is forced")
    }
}
