/// Where one tensor lives in a GGUF file and what it holds.
public struct GGUFTensorInfo: Sendable, Equatable {
    public let name: String
    /// Dimensions, innermost (contiguous) first, as GGUF stores them: a matrix of `rows` x `cols` is `[cols, rows]`.
    public let dimensions: [Int]
    public let type: GGMLType
    /// Offset from the start of the file.
    public let fileOffset: Int
    public let byteCount: Int

    public var elementCount: Int { dimensions.reduce(1, *) }
}
