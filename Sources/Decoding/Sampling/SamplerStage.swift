import Foundation
import Inference

/// One stage of the sampler chain, each with llama.cpp's semantics (`src/llama-sampling.cpp`).
public enum SamplerStage: Sendable, Equatable {
    case logitBias([TokenID: Float])
    case penalties(repeat: Double, frequency: Double, presence: Double, window: Int)
    case topK(Int)
    case typicalP(Double)
    case topP(Double)
    case minP(Double)
    case temperature(Double)

    public var name: String {
        switch self {
        case .logitBias: "logit-bias"
        case .penalties: "penalties"
        case .topK: "top-k"
        case .typicalP: "typical"
        case .topP: "top-p"
        case .minP: "min-p"
        case .temperature: "temperature"
        }
    }

    public var label: String {
        switch self {
        case .logitBias(let bias): "logit-bias (\(bias.count) tokens)"
        case .penalties(let r, let f, let p, let n): "penalties repeat \(r) freq \(f) presence \(p) last \(n)"
        case .topK(let k): "top-k \(k)"
        case .typicalP(let p): "typical \(p)"
        case .topP(let p): "top-p \(p)"
        case .minP(let p): "min-p \(p)"
        case .temperature(let t): "temperature \(t)"
        }
    }

    /// True when the stage keeps the most probable candidate where it was: every truncation
    /// but typical-p (which can drop it) and the temperature; false for stages that change logits.
    var keepsMostProbable: Bool {
        switch self {
        case .topK, .topP, .minP, .temperature: true
        case .logitBias, .penalties, .typicalP: false
        }
    }

    /// Applies the stage. `history` is the text so far (prompt and generated), most recent last.
    public func apply(to distribution: inout Distribution, history: [TokenID], minKeep: Int) {
        switch self {
        case .logitBias(let bias):
            // The bias is sparse: look up each biased token rather than hash every candidate.
            var logits = distribution.logits
            for (token, value) in bias { if let i = distribution.index(of: token) { logits[i] += value } }
            distribution.setLogits(logits)

        case .penalties(let repeatPenalty, let frequency, let presence, let window):
            // llama.cpp: window -1 means the whole context.
            let recent = window < 0 ? history[...] : history.suffix(window)
            var counts: [TokenID: Int] = [:]
            for token in recent { counts[token, default: 0] += 1 }
            var logits = distribution.logits
            for i in logits.indices {
                guard let count = counts[distribution.tokens[i]] else { continue }
                logits[i] = logits[i] <= 0 ? logits[i] * Float(repeatPenalty) : logits[i] / Float(repeatPenalty)
                logits[i] -= Float(Double(count) * frequency + presence)
            }
            distribution.setLogits(logits)

        case .topK(let k):
            let kept = min(max(k, minKeep), distribution.count)
            // A selection of a few costs O(n·k); when k is a sizeable part of n a full sort is cheaper.
            if kept * 8 >= distribution.count {
                distribution.sortDescending()
                distribution.keep(0..<kept, sorted: true)
            } else {
                distribution.keep(distribution.topIndices(kept), sorted: true)
            }

        case .typicalP(let p):
            // Rank by how far each token's surprisal is from the entropy; keep the closest until
            // their mass exceeds p. The kept set stays in that order, unsorted, as in llama.cpp.
            let h = distribution.entropy
            let probabilities = distribution.probabilities
            let shift = probabilities.map { abs(-log($0) - h) }
            let order = probabilities.indices.sorted { shift[$0] != shift[$1] ? shift[$0] < shift[$1] : $0 < $1 }
            var cumulative = 0.0
            var keep = order.count
            for (rank, i) in order.enumerated() {
                cumulative += probabilities[i]
                if cumulative > p && rank + 1 >= minKeep { keep = rank + 1; break }
            }
            distribution.keep(order.prefix(keep), sorted: false)

        case .topP(let p):
            distribution.sortDescending()
            var cumulative = 0.0
            var keep = distribution.count
            for (i, probability) in distribution.probabilities.enumerated() {
                cumulative += probability
                if cumulative >= p && i + 1 >= minKeep { keep = i + 1; break }
            }
            distribution.keep(0..<keep, sorted: true)

        case .minP(let p):
            // On logits: p_i ≥ p·p_max  ⇔  z_i ≥ z_max + ln p.
            let maxLogit = distribution.logits.withUnsafeBufferPointer(RowScan.maximum)
            let threshold = maxLogit + Float(log(p))
            let passing = distribution.logits.indices.filter { distribution.logits[$0] >= threshold }
            if passing.count >= max(minKeep, 1) {
                distribution.keep(passing, sorted: distribution.isSorted)
            } else {
                distribution.sortDescending()
                distribution.keep(0..<min(minKeep, distribution.count), sorted: true)
            }

        case .temperature(let t):
            if t <= 0 {
                // llama.cpp keeps only the maximum logit.
                let best = distribution.argmax
                let index = distribution.tokens.firstIndex(of: best) ?? 0
                distribution.keep([index], sorted: true)
            } else {
                distribution.setLogits(distribution.logits.map { $0 / Float(t) }, preservesOrder: true)
            }
        }
    }
}
