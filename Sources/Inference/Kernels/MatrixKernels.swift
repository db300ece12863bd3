/// The kernels of one weight type, specialized once so the hot loops never dispatch per call.
struct MatrixKernels: Sendable {
    let multiply: @Sendable (MatmulOperands, Range<Int>) -> Void
    /// The product with 8-bit activations, for types that have one.
    let multiplyQuantized: (@Sendable (QuantizedMatmulOperands, Range<Int>) -> Void)?
    let dequantizeRow: @Sendable (UnsafeRawPointer, Int, UnsafeMutablePointer<Float>) -> Void
    let blockBytes: Int
    let valuesPerBlock: Int

    static let supportedTypes: [GGMLType] = [.f32, .f16, .bf16, .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K]

    static func forType(_ type: GGMLType) -> MatrixKernels? {
        switch type {
        case .f32: make(F32Format.self)
        case .f16: make(F16Format.self)
        case .bf16: make(BF16Format.self)
        case .q4_0: make(Q4_0Format.self)
        case .q4_1: makeInteger(Q4_1Format.self)
        case .q5_0: make(Q5_0Format.self)
        case .q5_1: make(Q5_1Format.self)
        case .q8_0: makeInteger(Q8_0Format.self)
        case .q4_K: make(Q4_KFormat.self)
        case .q5_K: make(Q5_KFormat.self)
        case .q6_K: make(Q6_KFormat.self)
        default: nil
        }
    }

    private static func make<F: BlockFormat>(_: F.Type, multiplyQuantized: (@Sendable (QuantizedMatmulOperands, Range<Int>) -> Void)? = nil) -> MatrixKernels {
        MatrixKernels(
            multiply: { MatmulKernel.multiply(F.self, $0, rows: $1) },
            multiplyQuantized: multiplyQuantized,
            dequantizeRow: { MatmulKernel.dequantizeRow(F.self, $0, blocks: $1, into: $2) },
            blockBytes: F.blockBytes,
            valuesPerBlock: 32 * F.chunksPerBlock)
    }

    private static func makeInteger<F: IntegerBlockFormat>(_: F.Type) -> MatrixKernels {
        make(F.self, multiplyQuantized: { IntegerMatmulKernel.multiply(F.self, $0, rows: $1) })
    }
}
