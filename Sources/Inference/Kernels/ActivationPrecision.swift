/// How a forward pass feeds activations to the weight matrices. Codable because it changes the
/// logits, so a trace records it for replay.
public enum ActivationPrecision: String, Sendable, CaseIterable, Codable {
    /// f32 activations: the reference path, within 1e-2 of llama.cpp's f32 forward pass.
    case f32
    /// Activations quantized to 8 bits per 32-value block, as llama.cpp does (Q8_1 for Q4_1
    /// weights, Q8_0 for Q8_0 weights), and integer dot products. Faster; it moves logits about
    /// as much as llama.cpp's own Q4_1 path does. Weight types without an integer kernel keep
    /// the f32 path.
    case q8
}
