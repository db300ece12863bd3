import Inference

extension SiblingDrawing {
    /// Draws up to `count` siblings from `q` the way this case says. Without replacement the
    /// draw stops early when q has no mass left.
    public func draw(_ count: Int, from q: [Double], uniforms: inout some UniformSource) -> [TokenID] {
        var drawn: [TokenID] = []
        for _ in 0..<count {
            let proposal = self == .independent ? q : SpeculativeMath.removing(drawn, from: q)
            guard proposal.contains(where: { $0 > 0 }) else { break }
            drawn.append(TokenID(uniforms.draw(weights: proposal).index))
        }
        return drawn
    }
}
