/// What the model would predict if it stopped after `layer` (counting from 1): the final norm
/// and output head applied to the residual stream of one batch row.
public struct LogitLensReadout: Sendable {
    public let layer: Int
    public let logits: [Float]
}
