import Foundation
@testable import Inference

/// Writes small GGUF files byte by byte (versions 1-3) and remembers where each field went, so
/// tests can corrupt exactly the field they mean to.
struct GGUFTestWriter {
    struct Tensor {
        var name: String
        var dimensions: [Int]
        var type: GGMLType
        var data: [UInt8]
    }

    var version: UInt32 = 3
    var metadata: [(key: String, value: GGUFValue)] = []
    var tensors: [Tensor] = []
    /// Must match `general.alignment` when the metadata sets it.
    var alignment = GGUFFile.defaultAlignment

    /// Byte offsets of fields in the last `bytes()` result: "tensor count", "metadata count",
    /// "key NAME", "type NAME" (value type), "value NAME", "tensor NAME", "rank NAME",
    /// "dims NAME", "ggml type NAME", "offset NAME", "data NAME".
    private(set) var positions: [String: Int] = [:]

    mutating func bytes() -> [UInt8] {
        var out: [UInt8] = []
        positions = [:]
        append(GGUFFile.magic, to: &out)
        append(version, to: &out)
        positions["tensor count"] = out.count
        appendCount(tensors.count, to: &out)
        positions["metadata count"] = out.count
        appendCount(metadata.count, to: &out)
        for (key, value) in metadata {
            positions["key \(key)"] = out.count
            appendString(key, to: &out)
            positions["type \(key)"] = out.count
            append(Self.typeCode(of: value), to: &out)
            positions["value \(key)"] = out.count
            appendValue(value, to: &out)
        }
        var relativeOffset = 0
        var offsets: [Int] = []
        for tensor in tensors {
            offsets.append(relativeOffset)
            relativeOffset = Self.aligned(relativeOffset + tensor.data.count, alignment)
        }
        for (tensor, offset) in zip(tensors, offsets) {
            positions["tensor \(tensor.name)"] = out.count
            appendString(tensor.name, to: &out)
            positions["rank \(tensor.name)"] = out.count
            append(UInt32(tensor.dimensions.count), to: &out)
            positions["dims \(tensor.name)"] = out.count
            for d in tensor.dimensions { appendCount(d, to: &out) }
            positions["ggml type \(tensor.name)"] = out.count
            append(tensor.type.rawValue, to: &out)
            positions["offset \(tensor.name)"] = out.count
            append(UInt64(offset), to: &out)
        }
        let dataStart = Self.aligned(out.count, alignment)
        out += [UInt8](repeating: 0, count: dataStart - out.count)
        for (tensor, offset) in zip(tensors, offsets) {
            out += [UInt8](repeating: 0, count: dataStart + offset - out.count)
            positions["data \(tensor.name)"] = out.count
            out += tensor.data
        }
        return out
    }

    static func aligned(_ n: Int, _ alignment: Int) -> Int { (n + alignment - 1) / alignment * alignment }

    static func typeCode(of value: GGUFValue) -> UInt32 {
        switch value {
        case .uint8: 0
        case .int8: 1
        case .uint16: 2
        case .int16: 3
        case .uint32: 4
        case .int32: 5
        case .float32: 6
        case .bool: 7
        case .string: 8
        case .array: 9
        case .uint64: 10
        case .int64: 11
        case .float64: 12
        }
    }

    private func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    private func appendCount(_ n: Int, to out: inout [UInt8]) {
        if version >= 2 { append(UInt64(n), to: &out) } else { append(UInt32(n), to: &out) }
    }

    private func appendString(_ s: String, to out: inout [UInt8]) {
        appendCount(s.utf8.count, to: &out)
        out += s.utf8
    }

    private func appendValue(_ value: GGUFValue, to out: inout [UInt8]) {
        switch value {
        case .uint8(let v): append(v, to: &out)
        case .int8(let v): append(v, to: &out)
        case .uint16(let v): append(v, to: &out)
        case .int16(let v): append(v, to: &out)
        case .uint32(let v): append(v, to: &out)
        case .int32(let v): append(v, to: &out)
        case .uint64(let v): append(v, to: &out)
        case .int64(let v): append(v, to: &out)
        case .float32(let v): append(v.bitPattern, to: &out)
        case .float64(let v): append(v.bitPattern, to: &out)
        case .bool(let v): append(UInt8(v ? 1 : 0), to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            // An empty array's element type is not recoverable; u8 is as good as any.
            append(items.first.map(Self.typeCode) ?? 0, to: &out)
            appendCount(items.count, to: &out)
            for item in items { appendValue(item, to: &out) }
        }
    }
}

extension GGUFTestWriter {
    /// A small file using every metadata type, a nested array and three tensors of different
    /// types, so that every kind of field appears and truncation anywhere hits something.
    static func sample(version: UInt32 = 3) -> GGUFTestWriter {
        var writer = GGUFTestWriter()
        writer.version = version
        writer.metadata = [
            ("general.architecture", .string("llama")),
            ("general.name", .string("tiny ✓ 模型")),
            ("llama.block_count", .uint32(2)),
            ("llama.context_length", .uint64(128)),
            ("llama.rope.freq_base", .float32(10000)),
            ("test.f64", .float64(-0.5)),
            ("test.i8", .int8(-3)),
            ("test.u8", .uint8(250)),
            ("test.i16", .int16(-300)),
            ("test.u16", .uint16(60000)),
            ("test.i32", .int32(-70000)),
            ("test.i64", .int64(-5_000_000_000)),
            ("test.bool", .bool(true)),
            ("test.empty", .array([])),
            ("tokenizer.ggml.tokens", .array([.string("a"), .string("b"), .string("<|im_end|>")])),
            ("test.nested", .array([.array([.int32(1), .int32(2)]), .array([.int32(3)])])),
        ]
        writer.tensors = [
            Tensor(name: "token_embd.weight", dimensions: [32, 3], type: .q8_0, data: (0..<3 * 34).map { UInt8($0 % 251) }),
            Tensor(name: "blk.0.attn_norm.weight", dimensions: [5], type: .f32, data: (0..<20).map { UInt8($0 + 1) }),
            Tensor(name: "blk.0.attn_q.weight", dimensions: [32, 2, 1], type: .q4_1, data: (0..<40).map { UInt8(255 - $0) }),
        ]
        return writer
    }
}
