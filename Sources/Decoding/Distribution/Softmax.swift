import Foundation
import Inference

/// The softmax of a logit row with its summary numbers, in Double. It runs over the whole
/// vocabulary on every step, so it is written as one vectorised pass plus a scaling pass.
///
/// With s = z - max and S = Σ e^s, ln p = s - ln S; so the pass that exponentiates also sums
/// e·s and e·s², and entropy (ln S - E[s]) and varentropy (the variance of s) follow from
/// those sums without a logarithm per token. The exponentials are Float (2 ulp) where s is in
/// `SinglePrecisionExp.domain`, which is every token that matters; sums stay in Double.
struct Softmax {
    var probabilities: [Double]
    /// `-Σ p ln p` in nats.
    var entropy: Double
    /// `Σ p (ln p + H)²` in nats².
    var varentropy: Double
    /// Candidates with non-zero probability.
    var support: Int

    typealias Lanes = VectorExp.Lanes

    /// Per-lane running sums of the exponentiating pass.
    struct Sums {
        var exponentials = Lanes()
        var firstMoment = Lanes()
        var secondMoment = Lanes()
        var support = SIMD8<Int64>()

        /// Exponentiates one chunk of shifted logits, adds it to the sums and returns it.
        @inline(__always)
        mutating func add(_ shifted: RowScan.Chunk) -> Lanes {
            let s = shifted.widenedToDouble
            if all(shifted .>= SinglePrecisionExp.domain.lowerBound) {
                let e = SinglePrecisionExp.exp(shifted).widenedToDouble
                accumulate(e, s)
                support &+= 1
                return e
            }
            // A far tail (or padding): Double keeps tiny probabilities positive down to e^-708.
            let e = VectorExp.exp(s)
            let live = s .>= VectorExp.lowest
            // Lanes that underflowed (or are -inf) contribute nothing; 0·(-inf) would be NaN.
            accumulate(e, s.replacing(with: 0, where: .!live))
            support &+= SIMD8<Int64>().replacing(with: 1, where: live)
            return e
        }

        @inline(__always)
        private mutating func accumulate(_ e: Lanes, _ s: Lanes) {
            let weighted = e * s
            exponentials += e
            firstMoment += weighted
            secondMoment += weighted * s
        }
    }

    init(logits: [Float]) {
        var exponentials = [Double](unsafeUninitializedCapacity: logits.count) { result, initialized in
            initialized = logits.count
        }
        let sums = exponentials.withUnsafeMutableBufferPointer { target in
            logits.withUnsafeBufferPointer { row in
                Self.scan(row, maxLogit: RowScan.maximum(row), storingInto: target.baseAddress)
            }
        }
        let sum = sums.exponentials.sum()
        let inverseSum = 1 / sum
        exponentials.withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] *= inverseSum }
        }
        let meanShift = sums.firstMoment.sum() * inverseSum
        probabilities = exponentials
        entropy = max(0, log(sum) - meanShift)
        varentropy = max(0, sums.secondMoment.sum() * inverseSum - meanShift * meanShift)
        support = Int(sums.support.wrappedSum())
    }

    /// The exponentiating pass over a row shifted by its maximum, writing the exponentials to
    /// `target` when there is one. The last chunk is padded with -inf, which contributes exactly
    /// nothing to the sums. A plain loop with the store in line: with a `stride` iterator and a
    /// store closure, both out-of-line calls per chunk, the softmax of a 49,152-token row took
    /// 68 µs instead of 53.
    @inline(__always)
    static func scan(_ row: UnsafeBufferPointer<Float>, maxLogit: Float, storingInto target: UnsafeMutablePointer<Double>?) -> Sums {
        var sums = Sums()
        var start = 0
        while start + 8 <= row.count {
            let e = sums.add(shiftedChunk(row, at: start, maxLogit: maxLogit))
            if let target { UnsafeMutableRawPointer(target + start).storeBytes(of: e, as: Lanes.self) }
            start += 8
        }
        if start < row.count {
            let e = sums.add(shiftedChunk(row, at: start, maxLogit: maxLogit))
            if let target { for i in 0..<row.count - start { target[start + i] = e[i] } }
        }
        return sums
    }

    /// Values start..<start+8 minus the maximum; past the row's end, -inf.
    @inline(__always)
    static func shiftedChunk(_ row: UnsafeBufferPointer<Float>, at start: Int, maxLogit: Float) -> RowScan.Chunk {
        if start + 8 <= row.count, let source = row.baseAddress { return RowScan.chunk(source, at: start) - maxLogit }
        var tail = RowScan.Chunk(repeating: -.infinity)
        for i in start..<row.count { tail[i - start] = row[i] - maxLogit }
        return tail
    }
}
