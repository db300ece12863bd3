/// A bounds-checked cursor over the bytes of a GGUF file. Every read names its offset on failure.
struct GGUFReader {
    let path: String
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// GGUF v1 stored counts and string lengths as 32-bit values; v2 and later use 64 bits.
    var wideCounts = true

    /// Nesting deeper than this is refused: real files nest arrays at most once or twice.
    static let maxArrayDepth = 8

    func error(_ problem: String, at position: Int? = nil) -> GGUFError {
        GGUFError(path: path, offset: position ?? offset, problem: problem)
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(GGUFError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw error("file ends inside \(what) (truncated)") }
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    mutating func count(_ what: String) throws(GGUFError) -> Int {
        let start = offset
        let raw = wideCounts ? try read(UInt64.self, what) : UInt64(try read(UInt32.self, what))
        // Anything larger than the file cannot be a real count of at-least-one-byte items.
        guard raw <= UInt64(bytes.count) else { throw error("absurd \(what) \(raw)", at: start) }
        return Int(raw)
    }

    mutating func string(_ what: String) throws(GGUFError) -> String {
        let start = offset
        let length = try count("length of \(what)")
        guard bytes.count - offset >= length else { throw error("file ends inside \(what) (truncated)", at: start) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
        guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw error("\(what) is not valid UTF-8", at: start)
        }
        offset += length
        return text
    }

    mutating func value(type: UInt32, key: String, depth: Int = 0) throws(GGUFError) -> GGUFValue {
        let what = "value of \(key)"
        switch type {
        case 0: return .uint8(try read(UInt8.self, what))
        case 1: return .int8(try read(Int8.self, what))
        case 2: return .uint16(try read(UInt16.self, what))
        case 3: return .int16(try read(Int16.self, what))
        case 4: return .uint32(try read(UInt32.self, what))
        case 5: return .int32(try read(Int32.self, what))
        case 6: return .float32(Float(bitPattern: try read(UInt32.self, what)))
        case 7:
            let start = offset
            let raw = try read(UInt8.self, what)
            guard raw <= 1 else { throw error("bool \(key) holds \(raw), not 0 or 1", at: start) }
            return .bool(raw == 1)
        case 8: return .string(try string(what))
        case 9:
            guard depth < Self.maxArrayDepth else { throw error("arrays nested deeper than \(Self.maxArrayDepth) in \(key)") }
            let elementType = try read(UInt32.self, "array type of \(key)")
            let count = try count("array length of \(key)")
            var items: [GGUFValue] = []
            items.reserveCapacity(Swift.min(count, 1 << 20))
            for _ in 0..<count {
                items.append(try value(type: elementType, key: key, depth: depth + 1))
            }
            return .array(items)
        case 10: return .uint64(try read(UInt64.self, what))
        case 11: return .int64(try read(Int64.self, what))
        case 12: return .float64(Double(bitPattern: try read(UInt64.self, what)))
        default: throw error("unknown value type \(type) for key \(key)", at: offset - 4)
        }
    }
}
