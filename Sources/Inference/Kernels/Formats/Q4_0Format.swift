/// Q4_0: a half scale d and 32 four-bit values (byte j holds values j and j+16); w = d·(q−8).
enum Q4_0Format: BlockFormat {
    static let type = GGMLType.q4_0
    static let chunksPerBlock = 1
    static let blockBytes = 18

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0))
        let bytes = SIMD16<UInt32>(widening: block.loadBytes16(at: 2))
        let low = SIMD16<Float>(smallIntegers: bytes & 0xF) - 8
        let high = SIMD16<Float>(smallIntegers: bytes &>> 4) - 8
        return Chunk32(low: low * d, high: high * d)
    }
}
