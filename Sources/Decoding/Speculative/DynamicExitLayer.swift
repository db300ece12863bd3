import Foundation

/// DEL's choice of exit layer and draft length from acceptance tracked while decoding. Each
/// candidate layer keeps exponentially decayed counts of drafts the target matched and missed
/// (ω = 0.95, as DEL), its acceptance α = matched / (matched + missed), and the pair (layer ℓ,
/// length d) maximising DEL's tokens per layer, TPL = [(1 − α^(d+1)) / (1 − α)] / (L + d ℓ),
/// drafts next; d = 0 (no draft, TPL = 1/L) wins when no layer pays. DEL learns every layer
/// each round from shadow tokens read out of every layer; the runtime reads out one exit, so
/// here only the layer that drafted learns. Layers are first tried deepest first, one token
/// each, and a shallower layer is tried only if it could pay with the acceptance of the
/// deeper layers tried (acceptance falls with depth: a shallower exit has seen less); after
/// that the least observed layer drafts one token every `probeInterval` rounds so none is
/// forgotten.
public struct DynamicExitLayer: Sendable, Equatable {
    public static let decay = 0.95

    public struct Choice: Sendable, Equatable {
        public var layer: Int
        public var draftLength: Int
        /// The layer's acceptance estimate, nil before it drafted.
        public var acceptance: Double?
        /// True when the layer drafts to be observed rather than because it pays.
        public var isProbe: Bool
    }

    public let layerCount: Int
    /// Exit layers tried, shallowest first: about five, evenly spaced, never the last layer.
    public let candidates: [Int]
    public let maximumDraft: Int
    public let probeInterval: Int
    private var matched: [Double]
    private var missed: [Double]
    private var rounds = 0

    public init(layerCount: Int, maximumDraft: Int, probeInterval: Int = 16) {
        self.layerCount = max(2, layerCount)
        let spacing = max(1, self.layerCount / 6)
        candidates = Array(stride(from: spacing, to: self.layerCount, by: spacing))
        self.maximumDraft = max(1, maximumDraft)
        self.probeInterval = max(2, probeInterval)
        matched = Array(repeating: 0, count: candidates.count)
        missed = Array(repeating: 0, count: candidates.count)
    }

    /// The acceptance estimate of a candidate layer, nil before it drafted.
    public func acceptance(ofLayer layer: Int) -> Double? {
        guard let i = candidates.firstIndex(of: layer), matched[i] + missed[i] > 0 else { return nil }
        return acceptance(at: i)
    }

    /// DEL's TPL: expected tokens from `draft` drafts plus the target's own, per layer run
    /// (`draft` shallow passes of `layer` layers and one full pass).
    public static func tokensPerLayer(acceptance alpha: Double, layer: Int, draft: Int, layerCount: Int) -> Double {
        let expected = alpha >= 1 ? Double(draft + 1) : (1 - pow(alpha, Double(draft + 1))) / (1 - alpha)
        return expected / Double(layerCount + draft * layer)
    }

    /// What drafts next.
    public func choose() -> Choice {
        let observed = candidates.indices.filter { matched[$0] + missed[$0] > 0 }
        let untried = candidates.indices.filter { i in
            !observed.contains(i) && pays(acceptance: observed.filter { $0 > i }.map(acceptance(at:)).min() ?? 1, layer: candidates[i])
        }
        if let deepest = untried.last {
            return Choice(layer: candidates[deepest], draftLength: 1, acceptance: nil, isProbe: true)
        }
        if rounds % probeInterval == probeInterval - 1,
           let least = candidates.indices.min(by: { matched[$0] + missed[$0] < matched[$1] + missed[$1] }) {
            return Choice(layer: candidates[least], draftLength: 1, acceptance: acceptance(ofLayer: candidates[least]), isProbe: true)
        }
        var best = Choice(layer: candidates[candidates.count - 1], draftLength: 0, acceptance: nil, isProbe: false)
        var bestValue = 1 / Double(layerCount)
        for i in observed {
            for draft in 1...maximumDraft {
                let value = Self.tokensPerLayer(acceptance: acceptance(at: i), layer: candidates[i], draft: draft, layerCount: layerCount)
                if value > bestValue {
                    bestValue = value
                    best = Choice(layer: candidates[i], draftLength: draft, acceptance: acceptance(at: i), isProbe: false)
                }
            }
        }
        return best
    }

    /// Whether drafting at `layer` with this acceptance beats not drafting for some length.
    private func pays(acceptance alpha: Double, layer: Int) -> Bool {
        (1...maximumDraft).contains { Self.tokensPerLayer(acceptance: alpha, layer: layer, draft: $0, layerCount: layerCount) > 1 / Double(layerCount) }
    }

    private func acceptance(at i: Int) -> Double {
        matched[i] / (matched[i] + missed[i])
    }

    /// After a round in which `layer` drafted `drafted` tokens and the target kept `accepted`:
    /// the kept ones are matches, the first rejected one a miss; later drafts were conditioned
    /// on a wrong token and say nothing.
    public mutating func record(layer: Int, drafted: Int, accepted: Int) {
        rounds += 1
        guard drafted > 0, let i = candidates.firstIndex(of: layer) else { return }
        matched[i] = Self.decay * matched[i] + Double(accepted)
        missed[i] = Self.decay * missed[i] + (accepted < drafted ? 1 : 0)
    }
}
