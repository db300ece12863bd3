import Foundation

/// Rotary position embedding: rotates pairs of query/key values by position-dependent angles.
public struct RotaryEmbedding: Sendable {
    public enum Style: Sendable, Equatable {
        /// Adjacent pairs (2i, 2i+1), as GGML's "normal" mode (Llama files are stored permuted for it).
        case normal
        /// Pairs (i, i + d/2), as GPT-NeoX and models converted from it.
        case neox
    }

    public struct Configuration: Sendable, Equatable {
        public var style: Style
        /// Leading values of each head that are rotated; the rest pass through.
        public var dimensions: Int
        public var base: Float
        /// Linear position scaling (1/factor of the GGUF scaling fields).
        public var frequencyScale: Float
        /// Per-pair divisors of the frequency (a `rope_freqs` tensor), if the model has them.
        public var frequencyFactors: [Float]?

        public init(style: Style, dimensions: Int, base: Float, frequencyScale: Float = 1, frequencyFactors: [Float]? = nil) {
            self.style = style
            self.dimensions = dimensions
            self.base = base
            self.frequencyScale = frequencyScale
            self.frequencyFactors = frequencyFactors
        }
    }

    public let configuration: Configuration
    public var pairCount: Int { configuration.dimensions / 2 }

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// cos and sin of each pair's angle at `position` (pairCount values each). The angle of pair
    /// i is position·base^(−2i/d), built by repeated multiplication in Float as GGML does, so
    /// the angles match the reference to the last bit rather than to a rounding.
    public func angles(at position: Int, cos cosines: UnsafeMutablePointer<Float>, sin sines: UnsafeMutablePointer<Float>) {
        let c = configuration
        let step = pow(c.base, -2 / Float(c.dimensions))
        var theta = Float(position)
        for i in 0..<pairCount {
            let factor = c.frequencyFactors?[i] ?? 1
            let angle = c.frequencyScale * (theta / factor)
            cosines[i] = cos(angle)
            sines[i] = sin(angle)
            theta *= step
        }
    }

    /// Rotates one head in place with angles from `angles(at:)`.
    public func apply(to head: UnsafeMutablePointer<Float>, cos cosines: UnsafePointer<Float>, sin sines: UnsafePointer<Float>) {
        let half = pairCount
        for i in 0..<half {
            let (a, b) = configuration.style == .normal ? (2 * i, 2 * i + 1) : (i, i + half)
            let x0 = head[a], x1 = head[b]
            head[a] = x0 * cosines[i] - x1 * sines[i]
            head[b] = x0 * sines[i] + x1 * cosines[i]
        }
    }
}
