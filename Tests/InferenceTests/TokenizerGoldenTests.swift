import Foundation
import Testing
import TestSupport
@testable import Inference

/// llama.cpp's tokenization of hard strings with the default model (../shared/golden/smollm2).
@Suite struct TokenizerGoldenTests {
    struct Line: Decodable {
        let text: String
        let ids: [TokenID]
        let parse_special: Bool?
        let pieces_hex: [String]?
    }

    static func lines(_ file: String) throws -> [Line] {
        let data = try Data(contentsOf: GoldenData.url("smollm2/\(file)"))
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(Line.self, from: Data($0)) }
    }

    @Test func idsMatchLlamaCppOnEveryGoldenLine() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        let lines = try Self.lines("tokenize.jsonl")
        #expect(lines.count == 56)
        #expect(lines.filter { $0.parse_special == true }.count == 3)
        for line in lines {
            let ids = tokenizer.encode(line.text, parseSpecial: line.parse_special ?? false)
            #expect(ids == line.ids, "\(line.text.debugDescription)")
        }
    }

    @Test func decodingGivesTheTextBack() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        for line in try Self.lines("tokenize.jsonl") {
            let special = line.parse_special ?? false
            #expect(tokenizer.decode(line.ids, renderSpecial: special) == Array(line.text.utf8), "\(line.text.debugDescription)")
        }
    }

    @Test func piecesMatchLlamaCppBytes() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        let lines = try Self.lines("tokenize_pieces.jsonl")
        #expect(lines.count == 56)
        for line in lines {
            let pieces = try #require(line.pieces_hex)
            let ours = line.ids.map { id in
                tokenizer.decode([id], renderSpecial: true).map { String(format: "%02x", $0) }.joined()
            }
            #expect(ours == pieces, "\(line.text.debugDescription)")
        }
    }

    @Test func controlTokensAddNoTextUnlessRendered() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        let ids = tokenizer.encode("<|im_start|>user\nHi<|im_end|>", parseSpecial: true)
        #expect(ids == [1, 4093, 198, 26843, 2])
        #expect(tokenizer.decode(ids) == Array("user\nHi".utf8))
        #expect(tokenizer.bytes(of: 1).isEmpty)
        #expect(tokenizer.isControl(1) && tokenizer.isControl(2) && !tokenizer.isControl(4093))
    }

    @Test func specialIdsComeFromTheFile() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        #expect(tokenizer.count == 49152)
        #expect(tokenizer.preTokenizer == .smollm)
        #expect(tokenizer.eosToken == 2)
        #expect(tokenizer.bosToken == 1)
        #expect(tokenizer.unknownToken == 0)
        #expect(tokenizer.paddingToken == 2)
        #expect(!tokenizer.addsBOS)
        // EOS (<|im_end|>) and <|endoftext|> end generation; <|im_start|> does not.
        #expect(tokenizer.isEndOfGeneration(2) && tokenizer.isEndOfGeneration(0))
        #expect(!tokenizer.isEndOfGeneration(1) && !tokenizer.isEndOfGeneration(198))
        #expect((0..<49152).filter { tokenizer.isControl(TokenID($0)) }.count == 17)
    }

    @Test func exactTokenLookup() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        #expect(tokenizer.token(forText: "<|im_end|>") == 2)
        #expect(tokenizer.token(forText: " the") == 260)
        #expect(tokenizer.token(forText: "\n") == 198)
        #expect(tokenizer.token(forText: "Ġthe") == nil)
        #expect(tokenizer.token(forText: " the quick brown fox") == nil)
        #expect(tokenizer.token(forText: "") == nil)
    }

    @Test func randomTextRoundTrips() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        var random = TokenizerRandomText(seed: 2024)
        for _ in 0..<3000 {
            let text = random.text(maxPieces: 30)
            #expect(tokenizer.decode(tokenizer.encode(text)) == Array(text.utf8), "\(text.debugDescription)")
            #expect(tokenizer.decode(tokenizer.encode(text, parseSpecial: true), renderSpecial: true) == Array(text.utf8), "\(text.debugDescription)")
        }
    }

    @Test func invalidUTF8IsReadLikeLlamaCpp() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        func encode(_ bytes: [UInt8]) -> [TokenID] {
            bytes.withUnsafeBufferPointer { tokenizer.encode(utf8: $0) }
        }
        // A stray byte and a truncated sequence each become one U+FFFD.
        #expect(encode([0x61, 0xFF, 0x62]) == tokenizer.encode("a\u{FFFD}b"))
        #expect(encode([0x61, 0xE2, 0x82]) == tokenizer.encode("a\u{FFFD}\u{FFFD}"))
        // llama.cpp's decoder accepts an overlong "/" and tokenizes it as "/".
        #expect(encode([0x78, 0xC0, 0xAF]) == tokenizer.encode("x/"))
        // Valid UTF-8 goes through unchanged.
        #expect(encode(Array("naïve 日本".utf8)) == tokenizer.encode("naïve 日本"))
    }

    @Test func piecesAreSafeToDisplay() throws {
        let tokenizer = try TokenizerTestModel.tokenizer()
        #expect(tokenizer.piece(19556) == "Hello")
        #expect(tokenizer.piece(198) == "\\n")
        #expect(tokenizer.piece(197) == "\\t")
        #expect(tokenizer.piece(2) == "<|im_end|>")
        #expect(tokenizer.controlSpelling(of: 0) == "<|endoftext|>" && tokenizer.controlSpelling(of: 2) == "<|im_end|>")
        #expect(tokenizer.controlSpelling(of: 19556) == nil, "only control tokens have one")
        // 🙂 is two tokens: the first holds the first two bytes of its UTF-8 encoding.
        #expect(tokenizer.encode("🙂") == [10813, 38887])
        #expect(tokenizer.piece(10813) == "\\xF0\\x9F")
        #expect(tokenizer.piece(-1) == "<invalid token -1>")
        #expect(tokenizer.piece(49152) == "<invalid token 49152>")
        #expect(tokenizer.bytes(of: 49152).isEmpty)
        // Every token renders without trapping, and escapes leave no raw control characters.
        for id in 0..<TokenID(tokenizer.count) {
            let piece = tokenizer.piece(id)
            #expect(!piece.unicodeScalars.contains { $0.properties.generalCategory == .control }, "token \(id)")
        }
    }
}
