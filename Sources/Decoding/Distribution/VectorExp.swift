/// `exp` for Doubles eight lanes at a time, accurate to a few ulp: the softmax over a whole
/// vocabulary row runs every step, and the scalar libm call dominated it.
///
/// Cody–Waite reduction `x = k·ln2 + r` with |r| ≤ ln2/2 (ln2 split in two so `r` stays exact),
/// then the degree-12 Taylor polynomial of `e^r` (truncation error below 2e-16 on that interval),
/// scaled by `2^k` built from the exponent bits.
enum VectorExp {
    typealias Lanes = SIMD8<Double>

    private static let log2e = 1.4426950408889634
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    /// Below this, e^x is subnormal or zero; softmax treats it as zero.
    static let lowest = -708.0
    /// 1.5·2^52: adding it rounds to an integer held in the low mantissa bits.
    private static let roundingMagic = 6755399441055744.0

    /// e^x per lane for x ≤ 0 (softmax arguments after the max shift); x below `lowest`
    /// (including -inf) gives 0.
    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let clamped = x.replacing(with: lowest, where: x .< lowest)
        let shifted = Lanes(repeating: roundingMagic).addingProduct(clamped, Lanes(repeating: log2e))
        let k = shifted - roundingMagic
        let r = clamped.addingProduct(k, Lanes(repeating: -ln2High)).addingProduct(k, Lanes(repeating: -ln2Low))
        // Taylor coefficients 1/n!, n = 12 down to 0, in Horner form.
        var p = Lanes(repeating: 2.08767569878680989792e-09)
        p = Lanes(repeating: 2.50521083854417187751e-08).addingProduct(p, r)
        p = Lanes(repeating: 2.75573192239858906526e-07).addingProduct(p, r)
        p = Lanes(repeating: 2.75573192239858906526e-06).addingProduct(p, r)
        p = Lanes(repeating: 2.48015873015873015873e-05).addingProduct(p, r)
        p = Lanes(repeating: 1.98412698412698412698e-04).addingProduct(p, r)
        p = Lanes(repeating: 1.38888888888888888889e-03).addingProduct(p, r)
        p = Lanes(repeating: 8.33333333333333333333e-03).addingProduct(p, r)
        p = Lanes(repeating: 4.16666666666666666667e-02).addingProduct(p, r)
        p = Lanes(repeating: 1.66666666666666666667e-01).addingProduct(p, r)
        p = Lanes(repeating: 0.5).addingProduct(p, r)
        p = Lanes(repeating: 1).addingProduct(p, r)
        p = Lanes(repeating: 1).addingProduct(p, r)
        // k sits in the low bits of `shifted`; move it (biased) into the exponent field.
        let kBits = unsafeBitCast(shifted, to: SIMD8<UInt64>.self) &- unsafeBitCast(Lanes(repeating: roundingMagic), to: SIMD8<UInt64>.self)
        let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: Lanes.self)
        return (p * scale).replacing(with: 0, where: x .< lowest)
    }
}
