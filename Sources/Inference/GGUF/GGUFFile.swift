/// A GGUF model file (versions 1-3), memory-mapped and fully validated on open: metadata, the
/// tensor index, alignment and every tensor's byte range. A file that opens can be read anywhere
/// `data(of:)` points without further checks.
public final class GGUFFile: @unchecked Sendable {
    public let path: String
    public let version: Int
    /// Metadata in file order.
    public let metadata: [(key: String, value: GGUFValue)]
    /// Tensors in index order.
    public let tensors: [GGUFTensorInfo]
    public let alignment: Int
    /// Where the tensor data section starts; tensor offsets in the index are relative to it.
    public let dataOffset: Int
    private let file: MappedFile
    private let metadataIndex: [String: Int]
    private let tensorIndex: [String: Int]

    public static let magic: UInt32 = 0x4655_4747  // "GGUF" read little-endian
    public static let supportedVersions: ClosedRange<UInt32> = 1...3
    public static let defaultAlignment = 32
    /// ggml's GGML_MAX_DIMS.
    public static let maxDimensions = 4

    public convenience init(path: String) throws(GGUFError) {
        try self.init(file: try MappedFile(path: path))
    }

    public init(file: MappedFile) throws(GGUFError) {
        self.file = file
        path = file.path
        var reader = GGUFReader(path: file.path, bytes: file.bytes)
        guard file.bytes.count > 0 else { throw reader.error("the file is empty, not a GGUF model") }
        let magic = try reader.read(UInt32.self, "magic")
        guard magic == Self.magic else { throw reader.error("not a GGUF file (wrong magic)", at: 0) }
        let version = try reader.read(UInt32.self, "version")
        guard Self.supportedVersions.contains(version) else {
            if Self.supportedVersions.contains(version.byteSwapped) {
                throw reader.error("big-endian GGUF files are not supported", at: 4)
            }
            throw reader.error("unsupported GGUF version \(version) (this reader knows 1-3)", at: 4)
        }
        self.version = Int(version)
        reader.wideCounts = version >= 2
        let countSize = reader.wideCounts ? 8 : 4
        // A tensor entry holds at least a name length, a rank, one dimension, a type and an offset.
        let tensorCount = try reader.count("tensor count", itemBytes: countSize + 4 + countSize + 4 + 8)
        // A metadata entry holds at least a key length, a type and a one-byte value.
        let metadataCount = try reader.count("metadata count", itemBytes: countSize + 4 + 1)

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
        let alignment = try Self.alignment(in: metadata, index: metadataIndex, path: file.path)

        var entries: [GGUFTensorEntry] = []
        var tensorIndex: [String: Int] = [:]
        for _ in 0..<tensorCount {
            let entry = try GGUFTensorEntry(reader: &reader, maxDimensions: Self.maxDimensions)
            guard tensorIndex[entry.name] == nil else { throw reader.error("duplicate tensor \(entry.name)", at: entry.indexOffset) }
            tensorIndex[entry.name] = entries.count
            entries.append(entry)
        }

        // Cannot overflow: the offset is within the file and the alignment at most 2^30.
        let dataOffset = (reader.offset + alignment - 1) / alignment * alignment
        let tensors = try entries.map { entry throws(GGUFError) in
            try entry.locate(dataOffset: dataOffset, alignment: alignment, fileSize: file.bytes.count, reader: reader)
        }
        try Self.checkNoOverlap(tensors, entries: entries, reader: reader)

        self.metadata = metadata
        self.metadataIndex = metadataIndex
        self.tensors = tensors
        self.tensorIndex = tensorIndex
        self.alignment = alignment
        self.dataOffset = dataOffset
    }

    private static func alignment(in metadata: [(key: String, value: GGUFValue)], index: [String: Int], path: String) throws(GGUFError) -> Int {
        let key = "general.alignment"
        guard let position = index[key] else { return defaultAlignment }
        let value = metadata[position].value
        guard let alignment = value.integer, alignment > 0, alignment <= 1 << 30, alignment & (alignment - 1) == 0 else {
            throw GGUFError(path: path, offset: nil, problem: "\(key) must be a power of two up to 2^30, not \(value)")
        }
        return alignment
    }

    /// Two tensors sharing bytes would make one's weights silently the other's.
    private static func checkNoOverlap(_ tensors: [GGUFTensorInfo], entries: [GGUFTensorEntry], reader: GGUFReader) throws(GGUFError) {
        let order = tensors.indices.sorted { tensors[$0].fileOffset < tensors[$1].fileOffset }
        for (previous, next) in zip(order, order.dropFirst()) {
            let a = tensors[previous], b = tensors[next]
            guard a.byteCount > 0, b.byteCount > 0 else { continue }
            guard a.fileOffset + a.byteCount <= b.fileOffset else {
                throw reader.error("tensors \(a.name) and \(b.name) overlap in the data section", at: entries[next].indexOffset)
            }
        }
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

    /// `general.architecture`, e.g. "llama".
    public var architecture: String? { self["general.architecture"]?.string }

    // Typed metadata lookups that name the key when it is missing or of the wrong type.

    public func required(_ key: String) throws(GGUFError) -> GGUFValue {
        guard let value = self[key] else { throw GGUFError(path: path, offset: nil, problem: "missing metadata key \(key)") }
        return value
    }

    public func requiredInt(_ key: String) throws(GGUFError) -> Int {
        let value = try required(key)
        guard let int = value.integer else { throw wrongType(key, value, expected: "an integer") }
        return int
    }

    public func requiredFloat(_ key: String) throws(GGUFError) -> Double {
        let value = try required(key)
        guard let float = value.float else { throw wrongType(key, value, expected: "a number") }
        return float
    }

    public func requiredString(_ key: String) throws(GGUFError) -> String {
        let value = try required(key)
        guard let string = value.string else { throw wrongType(key, value, expected: "a string") }
        return string
    }

    public func requiredArray(_ key: String) throws(GGUFError) -> [GGUFValue] {
        let value = try required(key)
        guard let array = value.array else { throw wrongType(key, value, expected: "an array") }
        return array
    }

    /// An array of strings (e.g. `tokenizer.ggml.tokens`), naming the first element that is not one.
    public func requiredStrings(_ key: String) throws(GGUFError) -> [String] {
        let array = try requiredArray(key)
        var strings: [String] = []
        strings.reserveCapacity(array.count)
        for (i, element) in array.enumerated() {
            guard let string = element.string else { throw wrongType("\(key)[\(i)]", element, expected: "a string") }
            strings.append(string)
        }
        return strings
    }

    private func wrongType(_ key: String, _ value: GGUFValue, expected: String) -> GGUFError {
        GGUFError(path: path, offset: nil, problem: "metadata key \(key) is \(value.typeName), expected \(expected)")
    }
}
