import Testing
@testable import Inference

/// Each pre-tokenizer against the regexes it stands for. The expected words were produced by
/// running the original regexes with Python's `regex` module (`regex.findall`; for smollm after
/// splitting off every `\p{N}`), which is what llama.cpp's hand-written matchers imitate.
@Suite struct TokenizerPreTokenizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let words: [PreTokenizer: [String]]

        init(_ text: String, gpt2: [String], smollm: [String], llama3: [String], qwen2: [String]) {
            self.text = text
            words = [.gpt2: gpt2, .smollm: smollm, .llama3: llama3, .qwen2: qwen2]
        }

        var testDescription: String { text.debugDescription }
    }

    static func words(_ text: String, _ preTokenizer: PreTokenizer) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scalars = ScalarText()
            scalars.load(buffer)
            var words: [String] = []
            preTokenizer.split(scalars) { range in
                let bytes = buffer[scalars.byteStarts[range.lowerBound]..<scalars.byteStarts[range.upperBound]]
                words.append(String(decoding: bytes, as: UTF8.self))
            }
            return words
        }
    }

    @Test(arguments: cases) func splitsLikeTheRegex(_ example: Case) {
        for preTokenizer in PreTokenizer.allCases {
            #expect(Self.words(example.text, preTokenizer) == example.words[preTokenizer], "\(preTokenizer)")
        }
    }

    @Test func namesFromGGUFMapToTheirRegexFamily() {
        #expect(PreTokenizer(ggufName: "smollm") == .smollm)
        #expect(PreTokenizer(ggufName: "starcoder") == .smollm)
        #expect(PreTokenizer(ggufName: "gpt-2") == .gpt2)
        #expect(PreTokenizer(ggufName: "llama-bpe") == .llama3)
        #expect(PreTokenizer(ggufName: "qwen2") == .qwen2)
        #expect(PreTokenizer(ggufName: "deepseek-coder") == nil)
        #expect(PreTokenizer(ggufName: "") == nil)
    }

    @Test func wordsTileRandomText() {
        var random = TokenizerRandomText(seed: 7)
        for _ in 0..<2000 {
            let text = random.text(maxPieces: 40)
            for preTokenizer in PreTokenizer.allCases {
                let words = Self.words(text, preTokenizer)
                #expect(words.joined() == text && !words.contains(""), "\(preTokenizer) \(text.debugDescription)")
            }
        }
    }

    @Test func emptyAndHugeInputsSplit() {
        for preTokenizer in PreTokenizer.allCases {
            #expect(Self.words("", preTokenizer).isEmpty)
            let long = String(repeating: "ab ", count: 20_000) + String(repeating: " ", count: 50_000) + "x"
            #expect(Self.words(long, preTokenizer).joined() == long)
        }
    }

    static let cases: [Case] = [
        Case("I'M SURE it's 'quoted' DON'T we'LL",
             gpt2: ["I", "'", "M", " SURE", " it", "'s", " '", "quoted", "'", " DON", "'", "T", " we", "'", "LL"],
             smollm: ["I", "'", "M", " SURE", " it", "'s", " '", "quoted", "'", " DON", "'", "T", " we", "'", "LL"],
             llama3: ["I", "'M", " SURE", " it", "'s", " '", "quoted", "'", " DON", "'T", " we", "'LL"],
             qwen2: ["I", "'M", " SURE", " it", "'s", " '", "quoted", "'", " DON", "'T", " we", "'LL"]),
        Case("a  \n  b",
             gpt2: ["a", "  \n ", " b"],
             smollm: ["a", "  \n ", " b"],
             llama3: ["a", "  \n", " ", " b"],
             qwen2: ["a", "  \n", " ", " b"]),
        Case("a\r\n\r\nb",
             gpt2: ["a", "\r\n\r", "\n", "b"],
             smollm: ["a", "\r\n\r", "\n", "b"],
             llama3: ["a", "\r\n\r\n", "b"],
             qwen2: ["a", "\r\n\r\n", "b"]),
        Case("1234567 89",
             gpt2: ["1234567", " 89"],
             smollm: ["1", "2", "3", "4", "5", "6", "7", " ", "8", "9"],
             llama3: ["123", "456", "7", " ", "89"],
             qwen2: ["1", "2", "3", "4", "5", "6", "7", " ", "8", "9"]),
        Case("٣٤٥ and ²³ and Ⅻ",
             gpt2: ["٣٤٥", " and", " ²³", " and", " Ⅻ"],
             smollm: ["٣", "٤", "٥", " and", " ", "²", "³", " and", " ", "Ⅻ"],
             llama3: ["٣٤٥", " and", " ", "²³", " and", " ", "Ⅻ"],
             qwen2: ["٣", "٤", "٥", " and", " ", "²", "³", " and", " ", "Ⅻ"]),
        Case("!!!???\n\nnext",
             gpt2: ["!!!???", "\n", "\n", "next"],
             smollm: ["!!!???", "\n", "\n", "next"],
             llama3: ["!!!???\n\n", "next"],
             qwen2: ["!!!???\n\n", "next"]),
        Case("foo...\r\nbar",
             gpt2: ["foo", "...", "\r", "\n", "bar"],
             smollm: ["foo", "...", "\r", "\n", "bar"],
             llama3: ["foo", "...\r\n", "bar"],
             qwen2: ["foo", "...\r\n", "bar"]),
        Case("--x",
             gpt2: ["--", "x"],
             smollm: ["--", "x"],
             llama3: ["--", "x"],
             qwen2: ["--", "x"]),
        Case("café naïve",
             gpt2: ["café", " naïve"],
             smollm: ["café", " naïve"],
             llama3: ["café", " naïve"],
             qwen2: ["café", " naïve"]),
        Case("你好，世界！",
             gpt2: ["你好", "，", "世界", "！"],
             smollm: ["你好", "，", "世界", "！"],
             llama3: ["你好", "，世界", "！"],
             qwen2: ["你好", "，世界", "！"]),
        Case("😀 emoji 👍🏽",
             gpt2: ["😀", " emoji", " 👍🏽"],
             smollm: ["😀", " emoji", " 👍🏽"],
             llama3: ["😀", " emoji", " 👍🏽"],
             qwen2: ["😀", " emoji", " 👍🏽"]),
        Case("nbsp\u{A0}here",
             gpt2: ["nbsp", "\u{A0}", "here"],
             smollm: ["nbsp", "\u{A0}", "here"],
             llama3: ["nbsp", "\u{A0}here"],
             qwen2: ["nbsp", "\u{A0}here"]),
        Case("zw\u{200B}sp",
             gpt2: ["zw", "\u{200B}", "sp"],
             smollm: ["zw", "\u{200B}", "sp"],
             llama3: ["zw", "\u{200B}sp"],
             qwen2: ["zw", "\u{200B}sp"]),
        Case("ends with space ",
             gpt2: ["ends", " with", " space", " "],
             smollm: ["ends", " with", " space", " "],
             llama3: ["ends", " with", " space", " "],
             qwen2: ["ends", " with", " space", " "]),
        Case("a\u{3000}b",
             gpt2: ["a", "\u{3000}", "b"],
             smollm: ["a", "\u{3000}", "b"],
             llama3: ["a", "\u{3000}b"],
             qwen2: ["a", "\u{3000}b"]),
        Case("\u{A0}\u{A0}word",
             gpt2: ["\u{A0}", "\u{A0}", "word"],
             smollm: ["\u{A0}", "\u{A0}", "word"],
             llama3: ["\u{A0}", "\u{A0}word"],
             qwen2: ["\u{A0}", "\u{A0}word"]),
        Case("\t",
             gpt2: ["\t"],
             smollm: ["\t"],
             llama3: ["\t"],
             qwen2: ["\t"]),
    ]
}
