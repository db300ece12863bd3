/// `exp` for Floats eight lanes at a time, within two ulp of the exact value: twice the lanes
/// of Decoding's `VectorExp` per register and half its polynomial, for the softmax over a
/// vocabulary row, over attention scores and in SwiGLU.
/// Only for arguments in `domain`, where the result is a normal Float; callers handle anything
/// further out (the vocabulary softmax with a Double version, attention and SwiGLU as zero
/// through `expOrZero`).
///
/// Cody–Waite reduction `x = k·ln2 + r` with |r| ≤ ln2/2 (ln2 split in two so `r` stays
/// exact), the degree-7 Taylor polynomial of `e^r` (truncation error below 5e-9), scaled by
/// `2^k` built from the exponent bits.
public enum SinglePrecisionExp {
    public typealias Lanes = SIMD8<Float>

    // Computed and inlinable, like the constants below, so code inlined into other modules
    // folds them instead of calling a global's accessor.
    @inlinable public static var domain: ClosedRange<Float> { -80...0 }

    @inlinable static var log2e: Float { 1.44269504 }
    @inlinable static var ln2High: Float { 0.693359375 }
    @inlinable static var ln2Low: Float { -2.12194440e-4 }
    /// 1.5·2^23: adding it rounds to an integer held in the low mantissa bits.
    @inlinable static var roundingMagic: Float { 12582912 }

    // Inlinable: the vocabulary softmax in Decoding calls it per eight logits, and a call across
    // the module boundary passed the lanes through memory (the softmax ran at half speed).
    @inlinable @inline(__always)
    public static func exp(_ x: Lanes) -> Lanes {
        let shifted = Lanes(repeating: roundingMagic).addingProduct(x, Lanes(repeating: log2e))
        let k = shifted - roundingMagic
        let r = x.addingProduct(k, Lanes(repeating: -ln2High)).addingProduct(k, Lanes(repeating: -ln2Low))
        // Taylor coefficients 1/n!, n = 7 down to 0, in Horner form.
        var p = Lanes(repeating: 1.98412698e-4)
        p = Lanes(repeating: 1.38888889e-3).addingProduct(p, r)
        p = Lanes(repeating: 8.33333333e-3).addingProduct(p, r)
        p = Lanes(repeating: 4.16666667e-2).addingProduct(p, r)
        p = Lanes(repeating: 1.66666667e-1).addingProduct(p, r)
        p = Lanes(repeating: 0.5).addingProduct(p, r)
        p = Lanes(repeating: 1).addingProduct(p, r)
        p = Lanes(repeating: 1).addingProduct(p, r)
        // k sits in the low bits of `shifted`; move it (biased) into the exponent field.
        let kBits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(Lanes(repeating: roundingMagic), to: SIMD8<Int32>.self)
        return p * unsafeBitCast((kBits &+ 127) &<< 23, to: Lanes.self)
    }

    /// e^x for x ≤ 0, with exactly 0 below the domain: e^-80 is under 1e-34, nothing a softmax
    /// weight or an activation can tell from 0.
    @inline(__always)
    public static func expOrZero(_ x: Lanes) -> Lanes {
        let inDomain = x .>= domain.lowerBound
        return exp(x.replacing(with: domain.lowerBound, where: .!inDomain)).replacing(with: 0, where: .!inDomain)
    }
}
