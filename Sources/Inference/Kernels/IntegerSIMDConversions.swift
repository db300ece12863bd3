// Integer lane conversions for the 8-bit activation path, written as explicit lane lists for
// the same reason as in SIMDConversions.swift: LLVM turns each into one or two vector
// instructions (vpmovzxbw, vpmovsxbw, vpmovsxwd, vpmovdw/vpackssdw, vpmaddwd, vcvtdq2ps), while the
// generic conversions stay out-of-line calls.

extension SIMD16 where Scalar == Int16 {
    @inline(__always)
    init(widening b: SIMD16<UInt8>) {
        self.init(Int16(b[0]), Int16(b[1]), Int16(b[2]), Int16(b[3]), Int16(b[4]), Int16(b[5]), Int16(b[6]), Int16(b[7]),
                  Int16(b[8]), Int16(b[9]), Int16(b[10]), Int16(b[11]), Int16(b[12]), Int16(b[13]), Int16(b[14]), Int16(b[15]))
    }

    @inline(__always)
    init(widening b: SIMD16<Int8>) {
        self.init(Int16(b[0]), Int16(b[1]), Int16(b[2]), Int16(b[3]), Int16(b[4]), Int16(b[5]), Int16(b[6]), Int16(b[7]),
                  Int16(b[8]), Int16(b[9]), Int16(b[10]), Int16(b[11]), Int16(b[12]), Int16(b[13]), Int16(b[14]), Int16(b[15]))
    }

    /// Keeps the low 16 bits of each lane (the callers' values fit).
    @inline(__always)
    init(narrowing v: SIMD16<Int32>) {
        self.init(Int16(truncatingIfNeeded: v[0]), Int16(truncatingIfNeeded: v[1]), Int16(truncatingIfNeeded: v[2]), Int16(truncatingIfNeeded: v[3]),
                  Int16(truncatingIfNeeded: v[4]), Int16(truncatingIfNeeded: v[5]), Int16(truncatingIfNeeded: v[6]), Int16(truncatingIfNeeded: v[7]),
                  Int16(truncatingIfNeeded: v[8]), Int16(truncatingIfNeeded: v[9]), Int16(truncatingIfNeeded: v[10]), Int16(truncatingIfNeeded: v[11]),
                  Int16(truncatingIfNeeded: v[12]), Int16(truncatingIfNeeded: v[13]), Int16(truncatingIfNeeded: v[14]), Int16(truncatingIfNeeded: v[15]))
    }
}

extension SIMD16 where Scalar == Int16 {
    /// Lane i: self[2i]·v[2i] + self[2i+1]·v[2i+1], exact in Int32. LLVM matches the widened
    /// products' even and odd halves to one vpmaddwd (vpdpwssd with its accumulator on VNNI).
    @inline(__always)
    func multipliedPairwise(by v: SIMD16<Int16>) -> SIMD8<Int32> {
        let products = SIMD16<Int32>(widening: self) &* SIMD16<Int32>(widening: v)
        return products.evenHalf &+ products.oddHalf
    }
}

extension SIMD16 where Scalar == Int32 {
    @inline(__always)
    init(widening v: SIMD16<Int16>) {
        self.init(Int32(v[0]), Int32(v[1]), Int32(v[2]), Int32(v[3]), Int32(v[4]), Int32(v[5]), Int32(v[6]), Int32(v[7]),
                  Int32(v[8]), Int32(v[9]), Int32(v[10]), Int32(v[11]), Int32(v[12]), Int32(v[13]), Int32(v[14]), Int32(v[15]))
    }
}

extension SIMD8 where Scalar == Float {
    @inline(__always)
    init(converting v: SIMD8<Int32>) {
        self.init(Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]), Float(v[4]), Float(v[5]), Float(v[6]), Float(v[7]))
    }

    /// The same fixed reduction order as `SIMD16<Float>.pairwiseSum()`.
    @inline(__always)
    func pairwiseSum() -> Float {
        let four = lowHalf + highHalf
        let two = four.lowHalf + four.highHalf
        return two.x + two.y
    }
}

extension SIMD16 where Scalar == Int32 {
    /// Rounds to the nearest integer, ties to even (as `_mm256_round_ps` does in llama.cpp's
    /// quantizer), for |v| < 2^22: adding 1.5·2^23 leaves the rounded integer in the mantissa.
    @inline(__always)
    init(roundingSmall v: SIMD16<Float>) {
        self = unsafeBitCast(v + 12_582_912, to: SIMD16<Int32>.self) &- 0x4B40_0000
    }
}

extension SIMD16 where Scalar == Float {
    /// max |lane|.
    @inline(__always)
    func maxMagnitude() -> Float {
        let a = unsafeBitCast(unsafeBitCast(self, to: SIMD16<UInt32>.self) & 0x7FFF_FFFF, to: SIMD16<Float>.self)
        let eight = a.lowHalf.replacing(with: a.highHalf, where: a.lowHalf .< a.highHalf)
        let four = eight.lowHalf.replacing(with: eight.highHalf, where: eight.lowHalf .< eight.highHalf)
        let two = four.lowHalf.replacing(with: four.highHalf, where: four.lowHalf .< four.highHalf)
        return max(two.x, two.y)
    }
}
