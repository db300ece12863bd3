import Foundation
import Testing
@testable import Inference

/// Malformed files: each is refused with an error naming the file, the problem and where, and
/// nothing crashes, hangs or allocates for counts the file cannot hold.
@Suite struct GGUFMalformedTests {
    static func open(_ bytes: [UInt8]) throws(GGUFError) -> GGUFFile {
        try GGUFFile(file: MappedFile(path: "bad.gguf", contents: bytes))
    }

    /// Expects the bytes to be refused with a problem containing `fragment`, at `offset` when given.
    func expectRejected(_ bytes: [UInt8], _ fragment: String, at offset: Int?, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try Self.open(bytes)
            Issue.record("accepted a file that should fail with \"\(fragment)\"", sourceLocation: sourceLocation)
        } catch {
            #expect(error.path == "bad.gguf", sourceLocation: sourceLocation)
            #expect(error.problem.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            if let offset { #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation) }
        }
    }

    func patch<T: FixedWidthInteger>(_ bytes: inout [UInt8], at offset: Int, _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + $0.count, with: $0) }
    }

    /// The sample with one field overwritten.
    func sample<T: FixedWidthInteger>(patching field: String, with value: T, version: UInt32 = 3) -> (bytes: [UInt8], at: Int) {
        var writer = GGUFTestWriter.sample(version: version)
        var bytes = writer.bytes()
        let at = writer.positions[field]!
        patch(&bytes, at: at, value)
        return (bytes, at)
    }

    @Test(arguments: [UInt32(1), 2, 3]) func truncationAtEveryByteIsAnError(version: UInt32) throws {
        var writer = GGUFTestWriter.sample(version: version)
        let bytes = writer.bytes()
        _ = try Self.open(bytes)
        for length in 0..<bytes.count {
            do {
                _ = try Self.open(Array(bytes[..<length]))
                Issue.record("a \(length)-byte prefix of \(bytes.count) bytes was accepted")
            } catch {
                #expect(error.path == "bad.gguf")
                #expect((error.offset ?? 0) <= length, "\(error)")
                let said = length == 0 ? error.problem.contains("empty") : error.problem.contains("truncated") || error.problem.contains("bytes left")
                #expect(said, "\(error)")
            }
        }
    }

    @Test func wrongMagic() {
        expectRejected(Array("GGML\u{3}\0\0\0".utf8), "not a GGUF file (wrong magic)", at: 0)
        expectRejected([], "the file is empty, not a GGUF model", at: 0)
    }

    @Test func unknownVersions() {
        for version: UInt32 in [0, 4, 0xFFFF_FFFF] {
            let bytes = Array("GGUF".utf8) + withUnsafeBytes(of: version.littleEndian, Array.init) + [UInt8](repeating: 0, count: 16)
            expectRejected(bytes, "unsupported GGUF version \(version)", at: 4)
        }
        expectRejected(Array("GGUF".utf8) + [0, 0, 0, 3] + [UInt8](repeating: 0, count: 16), "big-endian", at: 4)
    }

    @Test func absurdCounts() {
        for count: UInt64 in [1 << 62, UInt64.max, 1_000_000_000] {
            let tensors = sample(patching: "tensor count", with: count)
            expectRejected(tensors.bytes, "tensor count is \(count), more than", at: tensors.at)
            let metadata = sample(patching: "metadata count", with: count)
            expectRejected(metadata.bytes, "metadata count is \(count), more than", at: metadata.at)
            let key = sample(patching: "key general.name", with: count)
            expectRejected(key.bytes, "length of metadata key is \(count)", at: key.at)
            let value = sample(patching: "value general.name", with: count)
            expectRejected(value.bytes, "length of value of general.name is \(count)", at: value.at)
            let array = sample(patching: "value tokenizer.ggml.tokens", with: UInt32(8))
            var bytes = array.bytes
            patch(&bytes, at: array.at + 4, count)
            expectRejected(bytes, "array length of tokenizer.ggml.tokens is \(count)", at: array.at + 4)
        }
        let v1 = sample(patching: "tensor count", with: UInt32.max, version: 1)
        expectRejected(v1.bytes, "tensor count is \(UInt32.max)", at: v1.at)
    }

    /// A billion one-byte items declared in a 16 MB file is refused at once: nothing loops over
    /// or reserves memory for elements that are not there.
    @Test func hugeArrayCountInABigFileIsRefusedUpFront() {
        var writer = GGUFTestWriter()
        writer.metadata = [("test.blob", .array([.uint8(7)]))]
        var bytes = writer.bytes()
        let at = writer.positions["value test.blob"]! + 4
        patch(&bytes, at: at, UInt64(1_000_000_000))
        bytes += [UInt8](repeating: 0, count: 16 << 20)
        expectRejected(bytes, "array length of test.blob is 1000000000, more than the \(bytes.count - at - 8) bytes left", at: at)
    }

    /// Arrays that the file really holds but that no model needs are refused before they are parsed.
    @Test func tooManyArrayElementsInTotal() {
        var writer = GGUFTestWriter()
        writer.metadata = [("test.blob", .array([.uint8(7)]))]
        var bytes = writer.bytes()
        let at = writer.positions["value test.blob"]!
        patch(&bytes, at: at + 4, UInt64(GGUFReader.maxArrayElements + 1))
        bytes += [UInt8](repeating: 0, count: GGUFReader.maxArrayElements)
        expectRejected(bytes, "metadata arrays hold more than \(GGUFReader.maxArrayElements) elements in total (at key test.blob)", at: at)
    }

    @Test func absurdDimensions() {
        var writer = GGUFTestWriter()
        writer.tensors = [.init(name: "huge", dimensions: [1 << 32, 1 << 32], type: .f32, data: [])]
        let bytes = writer.bytes()
        expectRejected(bytes, "tensor huge has absurd dimensions 4294967296 × 4294967296 (its element count overflows 64 bits)", at: writer.positions["dims huge"]! + 8)
        let dimension = sample(patching: "dims token_embd.weight", with: UInt64.max)
        expectRejected(dimension.bytes, "absurd dimensions \(UInt64.max)", at: dimension.at)
        var fourD = GGUFTestWriter()
        fourD.tensors = [.init(name: "bytes", dimensions: [9_000_000_000_000_000_000], type: .q8_0, data: [])]
        expectRejected(fourD.bytes(), "tensor bytes is too large: its byte count overflows 64 bits", at: fourD.positions["tensor bytes"])
        var tooBig = GGUFTestWriter()
        tooBig.tensors = [.init(name: "big", dimensions: [1 << 20, 1 << 20], type: .f32, data: [])]
        expectRejected(tooBig.bytes(), "tensor big data (4398046511104 bytes at data offset 0) runs past the end of the file", at: tooBig.positions["tensor big"])
    }

    @Test func badRanks() {
        for rank: UInt32 in [0, 5, UInt32.max] {
            let bad = sample(patching: "rank blk.0.attn_norm.weight", with: rank)
            expectRejected(bad.bytes, "tensor blk.0.attn_norm.weight has \(rank) dimensions (1-4 allowed)", at: bad.at - 8 - "blk.0.attn_norm.weight".utf8.count)
        }
    }

    @Test func offsetsPastTheEnd() {
        var writer = GGUFTestWriter.sample()
        let end = writer.bytes().count
        for offset: UInt64 in [1 << 40, UInt64.max - 31, UInt64(end / 32 * 32)] {
            let bad = sample(patching: "offset blk.0.attn_q.weight", with: offset)
            expectRejected(bad.bytes, "tensor blk.0.attn_q.weight data (40 bytes at data offset \(offset)) runs past the end", at: writer.positions["tensor blk.0.attn_q.weight"])
        }
        let misaligned = sample(patching: "offset blk.0.attn_q.weight", with: UInt64(161))
        expectRejected(misaligned.bytes, "tensor blk.0.attn_q.weight data offset 161 is not aligned to 32", at: writer.positions["tensor blk.0.attn_q.weight"])
    }

    @Test func overlappingTensors() {
        var writer = GGUFTestWriter.sample()
        _ = writer.bytes()
        let bad = sample(patching: "offset blk.0.attn_q.weight", with: UInt64(96))
        expectRejected(bad.bytes, "tensors token_embd.weight and blk.0.attn_q.weight overlap", at: writer.positions["tensor blk.0.attn_q.weight"])
    }

    @Test func unknownTensorTypes() {
        for code: UInt32 in [4, 5, 31, 99, UInt32.max] {
            let bad = sample(patching: "ggml type blk.0.attn_norm.weight", with: code)
            expectRejected(bad.bytes, "tensor blk.0.attn_norm.weight has unknown type \(code)", at: bad.at)
        }
        var writer = GGUFTestWriter()
        writer.tensors = [.init(name: "ragged", dimensions: [16, 2], type: .q8_0, data: [])]
        expectRejected(writer.bytes(), "tensor ragged row of 16 is not a multiple of the Q8_0 block size 32", at: writer.positions["tensor ragged"])
    }

    @Test func unknownValueTypes() {
        let value = sample(patching: "type test.bool", with: UInt32(13))
        expectRejected(value.bytes, "unknown value type 13 for key test.bool", at: value.at)
        let element = sample(patching: "value tokenizer.ggml.tokens", with: UInt32(200))
        expectRejected(element.bytes, "unknown array element type 200 for key tokenizer.ggml.tokens", at: element.at)
        let bool = sample(patching: "value test.bool", with: UInt8(2))
        expectRejected(bool.bytes, "bool test.bool holds 2, not 0 or 1", at: bool.at)
    }

    @Test func stringsThatAreNotUTF8() {
        let cases: [(field: String, what: String)] = [
            ("key test.u8", "metadata key"),
            ("value general.architecture", "value of general.architecture"),
            ("tensor blk.0.attn_norm.weight", "tensor name"),
        ]
        for (field, what) in cases {
            var writer = GGUFTestWriter.sample()
            var bytes = writer.bytes()
            let at = writer.positions[field]!
            bytes[at + 9] = 0xFF  // second byte of the string: every one here has at least two
            expectRejected(bytes, "\(what) is not valid UTF-8", at: at)
        }
        var writer = GGUFTestWriter.sample()
        var bytes = writer.bytes()
        let tokens = writer.positions["value tokenizer.ggml.tokens"]!
        bytes[tokens + 4 + 8 + 8] = 0xC3  // "a" becomes half of a two-byte sequence
        expectRejected(bytes, "value of tokenizer.ggml.tokens is not valid UTF-8", at: tokens + 12)
    }

    @Test func duplicates() {
        var keys = GGUFTestWriter.sample()
        keys.metadata.append(("llama.block_count", .uint32(3)))
        // Positions remember the last occurrence: the duplicate.
        expectRejected(keys.bytes(), "duplicate metadata key llama.block_count", at: keys.positions["key llama.block_count"])
        var tensors = GGUFTestWriter.sample()
        tensors.tensors.append(tensors.tensors[1])
        _ = tensors.bytes()
        let second = tensors.positions["tensor blk.0.attn_norm.weight"]!
        expectRejected(tensors.bytes(), "duplicate tensor blk.0.attn_norm.weight", at: second)
    }

    @Test func errorsCannotCarryTerminalControlCodes() {
        var writer = GGUFTestWriter()
        writer.metadata = [("evil\u{1B}[2J", .uint8(1)), ("evil\u{1B}[2J", .uint8(2))]
        let bytes = writer.bytes()
        let duplicate = writer.positions["key evil\u{1B}[2J"] ?? 0
        do {
            _ = try Self.open(bytes)
            Issue.record("accepted duplicate keys")
        } catch {
            #expect(error.problem == "duplicate metadata key evil\u{1B}[2J")
            #expect(error.description == "bad.gguf: duplicate metadata key evil\\u{1B}[2J (at byte \(duplicate))")
        }
    }

    @Test func badAlignment() {
        for value: GGUFValue in [.uint32(0), .uint32(3), .uint32(48), .uint64(1 << 40), .int32(-32), .string("32")] {
            var writer = GGUFTestWriter.sample()
            writer.metadata.append(("general.alignment", value))
            expectRejected(writer.bytes(), "general.alignment must be a power of two up to 2^30, not \(value)", at: nil)
        }
    }

    @Test func arraysNestedTooDeep() {
        var value = GGUFValue.int8(1)
        for _ in 0...GGUFReader.maxArrayDepth { value = .array([value]) }
        var writer = GGUFTestWriter()
        writer.metadata = [("test.deep", value)]
        expectRejected(writer.bytes(), "arrays nested deeper than 8 in test.deep", at: writer.positions["value test.deep"]! + 8 * 12)
    }

    @Test func filesThatAreNotFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gguf-bad-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.gguf").path
        #expect(throws: GGUFError(path: missing, offset: nil, problem: "cannot open: No such file or directory")) { try GGUFFile(path: missing) }
        #expect(throws: GGUFError(path: directory.path, offset: nil, problem: "not a regular file")) { try GGUFFile(path: directory.path) }
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: GGUFError(path: fifo, offset: nil, problem: "not a regular file")) { try GGUFFile(path: fifo) }
        let empty = directory.appendingPathComponent("empty.gguf").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: GGUFError(path: empty, offset: 0, problem: "the file is empty, not a GGUF model")) { try GGUFFile(path: empty) }
    }
}
