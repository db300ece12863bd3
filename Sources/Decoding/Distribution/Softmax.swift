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
                Self.scan(row, maxLogit: RowScan.maximum(row)) { start, e, count in
                    guard let base = target.baseAddress else { return }
                    if count == 8 {
                        UnsafeMutableRawPointer(base + start).storeBytes(of: e, as: Lanes.self)
                    } else {
                        for i in 0..<count { base[start + i] = e[i] }
                    }
                }
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

    /// The exponentiating pass over a row shifted by its maximum: `store` gets each chunk's
    /// exponentials (the first `count` lanes are real; the tail is padded with -inf, which
    /// contributes exactly nothing to the sums).
    @inline(__always)
    static func scan(_ row: UnsafeBufferPointer<Float>, maxLogit: Float,
                     _ store: (_ start: Int, _ e: Lanes, _ count: Int) -> Void) -> Sums {
        var sums = Sums()
        let whole = row.count - row.count % 8
        for start in stride(from: 0, through: whole, by: 8) {
            store(start, sums.add(shiftedChunk(row, at: start, maxLogit: maxLogit)), min(8, row.count - start))
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
