/// A GGUF model file (versions 1-3), memory-mapped and fully validated on open:
/// metadata, the tensor index, alignment and every tensor's byte range.
public final class GGUFFile: @unchecked Sendable {
    public let path: String
    public let version: Int
    /// Metadata in file order.
    public let metadata: [(key: String, value: GGUFValue)]
    public let tensors: [GGUFTensorInfo]
    public let alignment: Int
    public let dataOffset: Int
    private let file: MappedFile
    private let metadataIndex: [String: Int]
    private let tensorIndex: [String: Int]

    public static let magic: UInt32 = 0x4655_4747  // "GGUF" read little-endian

    public convenience init(path: String) throws(GGUFError) {
        try self.init(file: try MappedFile(path: path))
    }

    public init(file: MappedFile) throws(GGUFError) {
        self.file = file
        path = file.path
        var reader = GGUFReader(path: file.path, bytes: file.bytes)
        let magic = try reader.read(UInt32.self, "magic")
        guard magic == Self.magic else { throw reader.error("not a GGUF file (wrong magic)", at: 0) }
        let version = try reader.read(UInt32.self, "version")
        guard (1...3).contains(version) else { throw reader.error("unsupported GGUF version \(version)", at: 4) }
        self.version = Int(version)
        reader.wideCounts = version >= 2
        let tensorCount = try reader.count("tensor count")
        let metadataCount = try reader.count("metadata count")

        var metadata: [(key: String, value: GGUFValue)] = []
        var metadataIndex: [String: Int] = [:]
        for _ in 0..<metadataCount {
            let keyOffset = reader.offset
            let key = try reader.string("metadata key")
            guard metadataIndex[key] == nil else { throw reader.error("duplicate metadata key \(key)", at: keyOffset) }
            let type = try reader.read(UInt32.self, "value type of \(key)")
            metadataIndex[key] = metadata.count
            metadata.append((key, try reader.value(type: type, key: key)))
        }

        var alignment = 32
        if let index = metadataIndex["general.alignment"] {
            guard let value = metadata[index].value.integer, value > 0, value & (value - 1) == 0 else {
                throw reader.error("general.alignment must be a power of two")
            }
            alignment = value
        }

        struct RawTensor { let name: String; let dimensions: [Int]; let type: GGMLType; let offset: Int; let at: Int }
        var raw: [RawTensor] = []
        var tensorIndex: [String: Int] = [:]
        for _ in 0..<tensorCount {
            let at = reader.offset
            let name = try reader.string("tensor name")
            guard tensorIndex[name] == nil else { throw reader.error("duplicate tensor \(name)", at: at) }
            let rank = try reader.read(UInt32.self, "dimension count of \(name)")
            guard (1...4).contains(rank) else { throw reader.error("tensor \(name) has \(rank) dimensions (1-4 allowed)", at: at) }
            var dimensions: [Int] = []
            for _ in 0..<rank {
                let d = try reader.read(UInt64.self, "dimension of \(name)")
                guard d > 0, d <= UInt64(Int32.max) else { throw reader.error("tensor \(name) has absurd dimension \(d)", at: reader.offset - 8) }
                dimensions.append(Int(d))
            }
            let typeCode = try reader.read(UInt32.self, "type of \(name)")
            guard let type = GGMLType(rawValue: typeCode) else {
                throw reader.error("tensor \(name) has unknown type \(typeCode)", at: reader.offset - 4)
            }
            let offset = try reader.read(UInt64.self, "data offset of \(name)")
            guard offset <= UInt64(file.bytes.count) else { throw reader.error("tensor \(name) data offset \(offset) is past the end", at: reader.offset - 8) }
            tensorIndex[name] = raw.count
            raw.append(RawTensor(name: name, dimensions: dimensions, type: type, offset: Int(offset), at: at))
        }

        let dataOffset = (reader.offset + alignment - 1) / alignment * alignment
        var tensors: [GGUFTensorInfo] = []
        for t in raw {
            let (elements, overflow) = t.dimensions.reduce((1, false)) { acc, d in
                let (p, o) = acc.0.multipliedReportingOverflow(by: d)
                return (p, acc.1 || o)
            }
            guard !overflow, elements <= Int(Int32.max) * 16 else { throw reader.error("tensor \(t.name) has too many elements", at: t.at) }
            guard t.dimensions[0] % t.type.blockSize == 0 else {
                throw reader.error("tensor \(t.name) row of \(t.dimensions[0]) is not a multiple of the \(t.type.name) block size \(t.type.blockSize)", at: t.at)
            }
            guard t.offset % alignment == 0 else { throw reader.error("tensor \(t.name) data offset \(t.offset) is not aligned to \(alignment)", at: t.at) }
            let byteCount = elements / t.type.blockSize * t.type.blockBytes
            let start = dataOffset + t.offset
            guard start <= file.bytes.count, file.bytes.count - start >= byteCount else {
                throw reader.error("tensor \(t.name) data (\(byteCount) bytes at \(start)) runs past the end of the file (\(file.bytes.count) bytes; truncated?)", at: t.at)
            }
            tensors.append(GGUFTensorInfo(name: t.name, dimensions: t.dimensions, type: t.type, fileOffset: start, byteCount: byteCount))
        }

        self.metadata = metadata
        self.metadataIndex = metadataIndex
        self.tensors = tensors
        self.tensorIndex = tensorIndex
        self.alignment = alignment
        self.dataOffset = dataOffset
    }

    public subscript(key: String) -> GGUFValue? {
        metadataIndex[key].map { metadata[$0].value }
    }

    public func tensor(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The raw bytes of a tensor, valid while this file is alive.
    public func data(of tensor: GGUFTensorInfo) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: file.bytes[tensor.fileOffset..<tensor.fileOffset + tensor.byteCount])
    }

    public var fileSize: Int { file.bytes.count }

    // Typed metadata lookups that name the key when it is missing or of the wrong type.

    public func requiredInt(_ key: String) throws(GGUFError) -> Int {
        guard let value = self[key] else { throw GGUFError(path: path, offset: nil, problem: "missing metadata key \(key)") }
        guard let int = value.integer else { throw GGUFError(path: path, offset: nil, problem: "metadata key \(key) is \(value.typeName), expected an integer") }
        return int
    }

    public func requiredString(_ key: String) throws(GGUFError) -> String {
        guard let value = self[key] else { throw GGUFError(path: path, offset: nil, problem: "missing metadata key \(key)") }
        guard let string = value.string else { throw GGUFError(path: path, offset: nil, problem: "metadata key \(key) is \(value.typeName), expected a string") }
        return string
    }
}
