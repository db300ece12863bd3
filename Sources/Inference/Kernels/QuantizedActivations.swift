/// Rows of activations quantized to 8 bits per 32-value block with llama.cpp's Q8_1 rule:
/// d = max|x| / 127, q = round-to-nearest-even(x · 127 / max|x|), d kept as a half, plus the
/// block's sum term s = d·Σq (also rounded to a half) that the offset of Q4_1 weights multiplies.
/// Q8_0 weights read the same values and ignore s (llama.cpp's Q8_0 activations are identical).
///
/// The integers are stored widened to Int16 so the kernels multiply them without unpacking.
public final class QuantizedActivations: @unchecked Sendable {
    public private(set) var rows = 0
    public private(set) var columns = 0
    private(set) var values: UnsafeMutablePointer<Int16>
    /// Per block: (d, d·Σq), each as the half it rounds to; side by side so a kernel scales a
    /// weight block's (d, m) by both in one multiply.
    private(set) var scales: UnsafeMutablePointer<SIMD2<Float>>
    private var valueCapacity = 0
    private var blockCapacity = 0

    public init() {
        values = .allocate(capacity: 0)
        scales = .allocate(capacity: 0)
    }

    deinit {
        values.deallocate()
        scales.deallocate()
    }

    /// Quantizes `count` rows of `columns` values (a multiple of 32), row i starting at
    /// `input + i * stride`, replacing what the buffer held.
    public func quantize(_ input: UnsafePointer<Float>, stride: Int, count: Int, columns: Int) {
        precondition(columns % 32 == 0, "activation rows must split into 32-value blocks")
        reserve(values: count * columns)
        rows = count
        self.columns = columns
        let blocks = columns / 32
        for row in 0..<count {
            let x = UnsafeRawPointer(input + row * stride)
            for block in 0..<blocks {
                let at = row * blocks + block
                scales[at] = Self.quantizeBlock(x + block * 128, into: UnsafeMutableRawPointer(values + at * 32))
            }
        }
    }

    /// One block: writes its 32 integers and returns (d, d·Σq), both rounded to halves.
    @inline(__always)
    static func quantizeBlock(_ x: UnsafeRawPointer, into out: UnsafeMutableRawPointer) -> SIMD2<Float> {
        let low = x.loadUnaligned(as: SIMD16<Float>.self)
        let high = x.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        let magnitude = max(low.maxMagnitude(), high.maxMagnitude())
        let d = magnitude / 127
        let inverse: Float = magnitude != 0 ? 127 / magnitude : 0
        let qLow = SIMD16<Int32>(roundingSmall: low * inverse)
        let qHigh = SIMD16<Int32>(roundingSmall: high * inverse)
        out.storeBytes(of: SIMD16<Int16>(narrowing: qLow), as: SIMD16<Int16>.self)
        out.storeBytes(of: SIMD16<Int16>(narrowing: qHigh), toByteOffset: 32, as: SIMD16<Int16>.self)
        let total = (qLow &+ qHigh).wrappedSum()
        return SIMD2(Float(Float16(d)), Float(Float16(d * Float(total))))
    }

    private func reserve(values count: Int) {
        if count > valueCapacity {
            values.deallocate()
            values = .allocate(capacity: count)
            valueCapacity = count
        }
        let blocks = count / 32
        if blocks > blockCapacity {
            scales.deallocate()
            scales = .allocate(capacity: blocks)
            blockCapacity = blocks
        }
    }
}
