/// Scans over a row of logits eight floats at a time: the sampler chain reads the whole
/// vocabulary several times per step (maximum, argmax, top-n), and a vector comparison lets
/// those scans skip the many chunks that cannot matter.
enum RowScan {
    typealias Chunk = SIMD8<Float>

    /// The largest value; -inf for an empty row.
    static func maximum(_ row: UnsafeBufferPointer<Float>) -> Float {
        guard let base = row.baseAddress else { return -.infinity }
        let whole = row.count - row.count % 8
        var lanes = Chunk(repeating: -.infinity)
        for start in stride(from: 0, to: whole, by: 8) {
            // A compare and a blend in line; the generic `pointwiseMax` stays a call per chunk.
            let next = chunk(base, at: start)
            lanes.replace(with: next, where: next .> lanes)
        }
        var result = lanes.max()
        for i in whole..<row.count { result = max(result, row[i]) }
        return result
    }

    /// The first index holding the largest value (the argmax, ties to the lowest index); nil
    /// for an empty row or one of NaNs.
    static func firstMaximum(_ row: UnsafeBufferPointer<Float>) -> Int? {
        guard let base = row.baseAddress else { return nil }
        let maxLogit = maximum(row)
        let target = Chunk(repeating: maxLogit)
        var start = 0
        while start + 8 <= row.count, !any(chunk(base, at: start) .== target) { start += 8 }
        return row[start...].firstIndex(of: maxLogit)
    }

    /// Calls `visit` with every index whose value is at least `threshold()`, in order. The
    /// threshold is read again before each chunk, so `visit` may raise it as it goes.
    @inline(__always)
    static func indices(of row: UnsafeBufferPointer<Float>, atLeast threshold: () -> Float, _ visit: (Int) -> Void) {
        guard let base = row.baseAddress else { return }
        for start in stride(from: 0, to: row.count, by: 8) {
            let end = min(start + 8, row.count)
            if end - start == 8, !any(chunk(base, at: start) .>= Chunk(repeating: threshold())) { continue }
            for i in start..<end where row[i] >= threshold() { visit(i) }
        }
    }

    @inline(__always)
    static func chunk(_ base: UnsafePointer<Float>, at start: Int) -> Chunk {
        UnsafeRawPointer(base + start).loadUnaligned(as: Chunk.self)
    }
}
