// Lane-by-lane conversions written as explicit scalar lists: LLVM turns each into one vector
// instruction (vpmovzxbd, vpmovsxbd, vcvtph2ps, vcvtdq2ps), while the generic
// `SIMD16<Float>(_:)`/`init(truncatingIfNeeded:)` conversions stay out-of-line calls that
// cost several times the whole kernel.

extension SIMD16 where Scalar == Float {
    @inline(__always)
    init(widening b: SIMD16<UInt8>) {
        self.init(Float(b[0]), Float(b[1]), Float(b[2]), Float(b[3]), Float(b[4]), Float(b[5]), Float(b[6]), Float(b[7]),
                  Float(b[8]), Float(b[9]), Float(b[10]), Float(b[11]), Float(b[12]), Float(b[13]), Float(b[14]), Float(b[15]))
    }

    @inline(__always)
    init(widening b: SIMD16<Int8>) {
        self.init(Float(b[0]), Float(b[1]), Float(b[2]), Float(b[3]), Float(b[4]), Float(b[5]), Float(b[6]), Float(b[7]),
                  Float(b[8]), Float(b[9]), Float(b[10]), Float(b[11]), Float(b[12]), Float(b[13]), Float(b[14]), Float(b[15]))
    }

    @inline(__always)
    init(widening h: SIMD16<Float16>) {
        self.init(Float(h[0]), Float(h[1]), Float(h[2]), Float(h[3]), Float(h[4]), Float(h[5]), Float(h[6]), Float(h[7]),
                  Float(h[8]), Float(h[9]), Float(h[10]), Float(h[11]), Float(h[12]), Float(h[13]), Float(h[14]), Float(h[15]))
    }

    /// bfloat16 is the top half of a float32.
    @inline(__always)
    init(bfloat16 b: SIMD16<UInt16>) {
        let bits = SIMD16<UInt32>(
            UInt32(b[0]), UInt32(b[1]), UInt32(b[2]), UInt32(b[3]), UInt32(b[4]), UInt32(b[5]), UInt32(b[6]), UInt32(b[7]),
            UInt32(b[8]), UInt32(b[9]), UInt32(b[10]), UInt32(b[11]), UInt32(b[12]), UInt32(b[13]), UInt32(b[14]), UInt32(b[15]))
        self = unsafeBitCast(bits &<< 16, to: SIMD16<Float>.self)
    }

    /// A fixed pairwise reduction: the same order everywhere, so every kernel that accumulates a
    /// row the same way returns the same bits.
    @inline(__always)
    func pairwiseSum() -> Float {
        let eight = lowHalf + highHalf
        let four = eight.lowHalf + eight.highHalf
        let two = four.lowHalf + four.highHalf
        return two.x + two.y
    }
}

extension SIMD16 where Scalar == UInt32 {
    @inline(__always)
    init(widening b: SIMD16<UInt8>) {
        self.init(UInt32(b[0]), UInt32(b[1]), UInt32(b[2]), UInt32(b[3]), UInt32(b[4]), UInt32(b[5]), UInt32(b[6]), UInt32(b[7]),
                  UInt32(b[8]), UInt32(b[9]), UInt32(b[10]), UInt32(b[11]), UInt32(b[12]), UInt32(b[13]), UInt32(b[14]), UInt32(b[15]))
    }

    /// Lane j holds bit (j + first) of `bits`, as 0 or 1.
    @inline(__always)
    init(bitsOf bits: UInt32, from first: UInt32) {
        let lanes = SIMD16<UInt32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) &+ first
        self = (SIMD16<UInt32>(repeating: bits) &>> lanes) & 1
    }
}

extension SIMD16 where Scalar == Float {
    /// Exact for integers below 2^23: OR them into the mantissa of 2^23 and subtract 2^23.
    @inline(__always)
    init(smallIntegers u: SIMD16<UInt32>) {
        self = unsafeBitCast(u | 0x4B00_0000, to: SIMD16<Float>.self) - 8_388_608
    }
}

extension UnsafeRawPointer {
    @inline(__always)
    func loadHalf(at offset: Int) -> Float {
        Float(loadUnaligned(fromByteOffset: offset, as: Float16.self))
    }

    /// Two consecutive halves, converted together.
    @inline(__always)
    func loadHalves2(at offset: Int) -> SIMD2<Float> {
        let h = loadUnaligned(fromByteOffset: offset, as: SIMD2<Float16>.self)
        return SIMD2(Float(h.x), Float(h.y))
    }

    @inline(__always)
    func loadBytes16(at offset: Int) -> SIMD16<UInt8> {
        loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
    }
}

extension SIMD16 where Scalar == Int32 {
    @inline(__always)
    init(widening b: SIMD16<UInt8>) {
        self.init(Int32(b[0]), Int32(b[1]), Int32(b[2]), Int32(b[3]), Int32(b[4]), Int32(b[5]), Int32(b[6]), Int32(b[7]),
                  Int32(b[8]), Int32(b[9]), Int32(b[10]), Int32(b[11]), Int32(b[12]), Int32(b[13]), Int32(b[14]), Int32(b[15]))
    }
}

extension SIMD16 where Scalar == Float {
    /// One vcvtdq2ps per 8 lanes (the Q4_1 decode measured 10% faster with it and an FMA
    /// than with `smallIntegers` and a separate multiply and add).
    @inline(__always)
    init(converting v: SIMD16<Int32>) {
        self.init(Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]), Float(v[4]), Float(v[5]), Float(v[6]), Float(v[7]),
                  Float(v[8]), Float(v[9]), Float(v[10]), Float(v[11]), Float(v[12]), Float(v[13]), Float(v[14]), Float(v[15]))
    }
}

extension SIMD8 where Scalar == Float {
    /// Inlinable for the vocabulary softmax in Decoding, like `SinglePrecisionExp.exp`.
    @inlinable @inline(__always)
    public var widenedToDouble: SIMD8<Double> {
        SIMD8<Double>(Double(self[0]), Double(self[1]), Double(self[2]), Double(self[3]),
                      Double(self[4]), Double(self[5]), Double(self[6]), Double(self[7]))
    }
}
