import Foundation
import Testing
import TestSupport
@testable import Grammar

/// Every grammar llama.cpp ships in grammars/ parses, and accepts/rejects texts chosen from the
/// grammar's intent (including llama.cpp quirks such as json.gbnf's exponent rule).
struct GBNFGoldenTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let accepted: [String]
        let rejected: [String]
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "arithmetic.gbnf",
             accepted: ["1+2= 3\n", "a+b=c\n", "(x *2)= 10\n", "a=b\nc=d\n", "x1_y = 42 \n"],
             rejected: ["=1\n", "1+2=3", "A=1\n", "1++2=3\n", ""]),
        Case(file: "c.gbnf",
             accepted: ["int main(){return 0;}", "float f(int x){x = x*2;return x;}", "",
                        "int g(){while(a<b){a = a+1;}}", "char c(){// hi\n}"],
             rejected: ["int main() {return 0;}", "intmain(){}", "int main(){return 0}", "int 1a(){}", "float f(int x){x = x * 2;}"]),
        Case(file: "chess.gbnf",
             accepted: ["1. e4 e5\n2. Nf3 Nc6\n", "1. d4 d5\n2. c4 dxc4\n10. O-O O-O-O+\n", "1. e4 e5\n2. Qh5 Ke7\n3. Qxe5#  Kf6\n".replacingOccurrences(of: "#  ", with: "# ")],
             rejected: ["1. e4 e5\n", "1. e9 e5\n2. Nf3 Nc6\n", "2. e4 e5\n3. d4 d5\n", "1. e4 e5\n0. d4 d5\n"]),
        Case(file: "english.gbnf",
             accepted: ["Hello world!", "a", "It's 3 o'clock.\nYes"],
             rejected: ["Hello  world", "héllo", " leading", ""]),
        Case(file: "japanese.gbnf",
             accepted: ["こんにちは 世界", "カタカナ、ひらがな。", "漢字"],
             rejected: ["hello", "こんにちは  世界", "日本a"]),
        Case(file: "json.gbnf",
             accepted: [#"{}"#, #"{"a": [1, 2.5, "x\u00e9", true, null], "b": {}}"#, "{\"k\":\n  \"é😀\"}",
                        #"{"n": -0.5e-3, "e": 1e5}"#, #"{"s": "tab\t quote\" slash\\"}"#],
             rejected: [#"{"a": 1,}"#, "[1]", #"{"a": 01}"#, #"{"a": 1e10}"#, "{\"a\": \"line\nbreak\"}", #"{'a': 1}"#, #"{"a" 1}"#]),
        Case(file: "json_arr.gbnf",
             accepted: ["[\n1,\n2]", "[\n]", "[\n{\"a\": [true]},\n\"x\"]"],
             rejected: ["[1]", "[\n1,\n2] ", "[\n1,2]"]),
        Case(file: "list.gbnf",
             accepted: ["- a\n- b\n", "- one item with spaces\n"],
             rejected: ["- a", "- a\rb\n", "-a\n", "- \n", "- a\u{2028}b\n"]),
    ]

    @Test(arguments: cases)
    func grammarAcceptsAndRejects(_ testCase: Case) throws {
        let text = try String(contentsOf: GoldenData.url("gbnf/\(testCase.file)"), encoding: .utf8)
        let recognizer = Recognizer(try Grammar(gbnf: text, source: testCase.file))
        for sample in testCase.accepted {
            #expect(recognizer.matches(Array(sample.utf8)), "\(testCase.file) should accept \(sample.debugDescription)")
        }
        for sample in testCase.rejected {
            #expect(!recognizer.matches(Array(sample.utf8)), "\(testCase.file) should reject \(sample.debugDescription)")
        }
    }

    @Test func everyGoldenGrammarParses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: GoldenData.url("gbnf").path).filter { $0.hasSuffix(".gbnf") }
        #expect(files.count >= 8)
        for file in files {
            let text = try String(contentsOf: GoldenData.url("gbnf/\(file)"), encoding: .utf8)
            #expect(throws: Never.self, "\(file)") { try Grammar(gbnf: text, source: file) }
        }
    }
}
