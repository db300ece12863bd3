import Inference

/// `--activations f32|q8`, for every command that runs the model: how the forward pass feeds
/// its matmuls (`ActivationPrecision`).
enum ActivationFlags {
    static let valued: [[String]] = [["--activations"]]

    /// The flag's help lines, descriptions starting at `column` like the command's other flags.
    static func usage(column: Int) -> String {
        let flag = "      --activations A"
        let indent = String(repeating: " ", count: column)
        return flag + String(repeating: " ", count: max(1, column - flag.count))
            + "matmul activations: f32 (default; the reference numbers) or q8\n"
            + indent + "(8-bit blocks and integer dot products, as llama.cpp; faster)"
    }

    static func precision(_ parsed: Arguments) throws(CommandLineError) -> ActivationPrecision {
        guard let text = parsed.string("--activations") else { return .f32 }
        guard let precision = ActivationPrecision(rawValue: text) else {
            throw .invalidValue(flag: "--activations", value: text,
                                expected: ActivationPrecision.allCases.map(\.rawValue).joined(separator: " or "))
        }
        return precision
    }
}
