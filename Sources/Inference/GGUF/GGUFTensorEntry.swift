/// One entry of a GGUF tensor index as read, before the data section's position is known.
struct GGUFTensorEntry {
    let name: String
    let dimensions: [Int]
    let type: GGMLType
    let byteCount: Int
    /// Relative to the data section, as stored.
    let relativeOffset: UInt64
    /// Where this entry starts in the index, for error messages.
    let indexOffset: Int

    init(reader: inout GGUFReader, maxDimensions: Int) throws(GGUFError) {
        indexOffset = reader.offset
        let name = try reader.string("tensor name")
        self.name = name
        let rank = try reader.read(UInt32.self, "dimension count of \(name)")
        guard (1...UInt32(maxDimensions)).contains(rank) else {
            throw reader.error("tensor \(name) has \(rank) dimensions (1-\(maxDimensions) allowed)", at: indexOffset)
        }
        var dimensions: [Int] = []
        var elements = 1
        for _ in 0..<rank {
            let at = reader.offset
            let raw = try reader.wide("dimension of \(name)")
            let (product, overflow) = elements.multipliedReportingOverflow(by: Int(truncatingIfNeeded: raw))
            guard raw <= UInt64(Int.max), !overflow else {
                let shape = (dimensions.map(String.init) + [String(raw)]).joined(separator: " × ")
                throw reader.error("tensor \(name) has absurd dimensions \(shape) (its element count overflows 64 bits)", at: at)
            }
            elements = product
            dimensions.append(Int(raw))
        }
        self.dimensions = dimensions
        let typeCode = try reader.read(UInt32.self, "type of \(name)")
        guard let type = GGMLType(rawValue: typeCode) else {
            throw reader.error("tensor \(name) has unknown type \(typeCode)", at: reader.offset - 4)
        }
        self.type = type
        guard dimensions[0] % type.blockSize == 0 else {
            throw reader.error("tensor \(name) row of \(dimensions[0]) is not a multiple of the \(type.name) block size \(type.blockSize)", at: indexOffset)
        }
        let (byteCount, overflow) = (elements / type.blockSize).multipliedReportingOverflow(by: type.blockBytes)
        guard !overflow else { throw reader.error("tensor \(name) is too large: its byte count overflows 64 bits", at: indexOffset) }
        self.byteCount = byteCount
        relativeOffset = try reader.read(UInt64.self, "data offset of \(name)")
    }

    /// Checks this entry's bytes lie inside the file, aligned, and says where they are.
    func locate(dataOffset: Int, alignment: Int, fileSize: Int, reader: GGUFReader) throws(GGUFError) -> GGUFTensorInfo {
        guard relativeOffset % UInt64(alignment) == 0 else {
            throw reader.error("tensor \(name) data offset \(relativeOffset) is not aligned to \(alignment)", at: indexOffset)
        }
        let available = fileSize - min(dataOffset, fileSize)
        guard dataOffset <= fileSize, relativeOffset <= UInt64(available), byteCount <= available - Int(relativeOffset) else {
            throw reader.error("tensor \(name) data (\(byteCount) bytes at data offset \(relativeOffset)) runs past the end of the file (\(fileSize) bytes, data section from \(dataOffset); truncated?)", at: indexOffset)
        }
        return GGUFTensorInfo(name: name, dimensions: dimensions, type: type, fileOffset: dataOffset + Int(relativeOffset), byteCount: byteCount)
    }
}
