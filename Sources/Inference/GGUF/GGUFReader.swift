/// A bounds-checked cursor over the bytes of a GGUF file. Every read names its offset on failure.
///
/// The Inference module is built with `-Ounchecked` in release, which removes Swift's own
/// overflow and bounds traps, so every check that keeps a hostile file from reading out of
/// bounds is written out here explicitly.
struct GGUFReader {
    let path: String
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// GGUF v1 stored counts, string lengths and dimensions as 32-bit values; v2 and later use 64 bits.
    var wideCounts = true
    /// Elements of every metadata array read so far, counting nested ones.
    private(set) var arrayElementsRead = 0

    /// Nesting deeper than this is refused: real files nest arrays at most once or twice.
    static let maxArrayDepth = 8
    /// The largest real vocabularies hold a few hundred thousand tokens (plus as many merges and
    /// scores); far more than that cannot be a model, and each element costs memory once parsed.
    static let maxArrayElements = 1 << 23

    var remaining: Int { bytes.count - offset }

    func error(_ problem: String, at position: Int? = nil) -> GGUFError {
        GGUFError(path: path, offset: position ?? offset, problem: problem)
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(GGUFError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw error("file ends inside \(what) (truncated)") }
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    /// A 32-bit value in GGUF v1, 64-bit later.
    mutating func wide(_ what: String) throws(GGUFError) -> UInt64 {
        wideCounts ? try read(UInt64.self, what) : UInt64(try read(UInt32.self, what))
    }

    /// A count of items that each take at least `itemBytes` in the file. A count the rest of the
    /// file cannot hold is refused before anything loops over it or allocates for it.
    mutating func count(_ what: String, itemBytes: Int) throws(GGUFError) -> Int {
        let start = offset
        let raw = try wide(what)
        guard raw <= UInt64(remaining / itemBytes) else {
            throw error("\(what) is \(raw), more than the \(remaining) bytes left in the file can hold (truncated or corrupt?)", at: start)
        }
        return Int(raw)
    }

    mutating func string(_ what: String) throws(GGUFError) -> String {
        let start = offset
        let length = try count("length of \(what)", itemBytes: 1)
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
        guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw error("\(what) is not valid UTF-8", at: start)
        }
        offset += length
        return text
    }

    /// The fewest bytes a value of this GGUF type code takes in the file, or nil for an unknown type.
    func minimumSize(ofType type: UInt32) -> Int? {
        let countSize = wideCounts ? 8 : 4
        return switch type {
        case 0, 1, 7: 1
        case 2, 3: 2
        case 4, 5, 6: 4
        case 10, 11, 12: 8
        case 8: countSize
        case 9: 4 + countSize
        default: nil
        }
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
        case 9: return try array(key: key, depth: depth)
        case 10: return .uint64(try read(UInt64.self, what))
        case 11: return .int64(try read(Int64.self, what))
        case 12: return .float64(Double(bitPattern: try read(UInt64.self, what)))
        default: throw error("unknown value type \(type) for key \(key)", at: offset - 4)
        }
    }

    private mutating func array(key: String, depth: Int) throws(GGUFError) -> GGUFValue {
        let start = offset
        guard depth < Self.maxArrayDepth else { throw error("arrays nested deeper than \(Self.maxArrayDepth) in \(key)") }
        let elementType = try read(UInt32.self, "array type of \(key)")
        guard let elementSize = minimumSize(ofType: elementType) else {
            throw error("unknown array element type \(elementType) for key \(key)", at: offset - 4)
        }
        let count = try count("array length of \(key)", itemBytes: elementSize)
        guard count <= Self.maxArrayElements - arrayElementsRead else {
            throw error("metadata arrays hold more than \(Self.maxArrayElements) elements in total (at key \(key)); no model needs that many", at: start)
        }
        arrayElementsRead += count
        var items: [GGUFValue] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            items.append(try value(type: elementType, key: key, depth: depth + 1))
        }
        return .array(items)
    }
}
