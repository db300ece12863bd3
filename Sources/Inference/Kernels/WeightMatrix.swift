/// A weight matrix as stored in the model file (quantized, memory-mapped, never copied):
/// `rows` rows of `columns` values each, row-major.
public struct WeightMatrix: @unchecked Sendable {
    public let name: String
    public let type: GGMLType
    public let rows: Int
    public let columns: Int
    let base: UnsafeRawPointer
    let rowBytes: Int
    private let kernels: MatrixKernels

    /// Rows handed to one thread at a time: a multiple of the kernel tile, small enough to balance.
    private static let rowsPerWorkItem = 16

    /// - Throws: when the tensor is not two-dimensional, its type has no kernel, or its rows do
    ///   not split into whole 32-value chunks.
    public init(_ tensor: GGUFTensorInfo, in file: GGUFFile) throws(GGUFError) {
        func failure(_ problem: String) -> GGUFError { GGUFError(path: file.path, offset: nil, problem: "tensor \(tensor.name): \(problem)") }
        guard let kernels = MatrixKernels.forType(tensor.type) else {
            throw failure("type \(tensor.type.name) is not supported (supported: \(MatrixKernels.supportedTypes.map(\.name).joined(separator: ", ")))")
        }
        let columns = tensor.dimensions[0]
        let rows = tensor.dimensions.dropFirst().reduce(1, *)
        guard columns % kernels.valuesPerBlock == 0 else {
            throw failure("rows of \(columns) values do not split into blocks of \(kernels.valuesPerBlock)")
        }
        guard let base = file.data(of: tensor).baseAddress else { throw failure("has no data") }
        name = tensor.name
        type = tensor.type
        self.rows = rows
        self.columns = columns
        self.base = base
        rowBytes = columns / kernels.valuesPerBlock * kernels.blockBytes
        self.kernels = kernels
    }

    /// A matrix over raw bytes laid out as GGUF stores `type` (the bytes must outlive it).
    init?(name: String, type: GGMLType, rows: Int, columns: Int, data: UnsafeRawPointer) {
        guard let kernels = MatrixKernels.forType(type), columns % kernels.valuesPerBlock == 0 else { return nil }
        self.name = name
        self.type = type
        self.rows = rows
        self.columns = columns
        base = data
        rowBytes = columns / kernels.valuesPerBlock * kernels.blockBytes
        self.kernels = kernels
    }

    /// Writes row `row` as `columns` floats.
    public func dequantizeRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        kernels.dequantizeRow(base + row * rowBytes, columns / kernels.valuesPerBlock, out)
    }

    /// `output[i * outputStride + r] = Σ_c W[r, c] · inputs[i * inputStride + c]` for every row r
    /// and input i < inputCount, rows spread over the pool. Each result is bit-identical whatever
    /// inputCount and thread count are.
    public func multiply(inputs: UnsafePointer<Float>, inputStride: Int, inputCount: Int,
                         output: UnsafeMutablePointer<Float>, outputStride: Int, pool: WorkerPool) {
        let operands = MatmulOperands(
            weights: base, rowBytes: rowBytes, blocksPerRow: columns / kernels.valuesPerBlock,
            inputs: inputs, inputStride: inputStride, inputCount: inputCount,
            output: output, outputStride: outputStride)
        let items = (rows + Self.rowsPerWorkItem - 1) / Self.rowsPerWorkItem
        pool.parallelFor(items) { item in
            let start = item * Self.rowsPerWorkItem
            kernels.multiply(operands, start..<min(rows, start + Self.rowsPerWorkItem))
        }
    }

    /// True when this type multiplies 8-bit activations with integer kernels
    /// (`multiply(quantized:output:outputStride:pool:)`).
    public var hasIntegerKernel: Bool { kernels.multiplyQuantized != nil }

    /// `output[i * outputStride + r] = Σ_c W[r, c] · x_i[c]` for every quantized activation row
    /// x_i, with integer dot products (llama.cpp's arithmetic for this type). Bit-identical
    /// whatever the row count and thread count are.
    /// - Precondition: `hasIntegerKernel`, and the activation rows are `columns` wide.
    public func multiply(quantized inputs: QuantizedActivations, output: UnsafeMutablePointer<Float>, outputStride: Int, pool: WorkerPool) {
        guard let multiplyQuantized = kernels.multiplyQuantized else { preconditionFailure("\(type.name) has no integer kernel") }
        precondition(inputs.columns == columns, "activation rows of \(inputs.columns) values for a matrix of \(columns) columns")
        let operands = QuantizedMatmulOperands(
            weights: base, rowBytes: rowBytes, blocksPerRow: columns / kernels.valuesPerBlock,
            values: UnsafePointer(inputs.values), scales: UnsafePointer(inputs.scales), inputCount: inputs.rows,
            output: output, outputStride: outputStride)
        let items = (rows + Self.rowsPerWorkItem - 1) / Self.rowsPerWorkItem
        pool.parallelFor(items) { item in
            let start = item * Self.rowsPerWorkItem
            multiplyQuantized(operands, start..<min(rows, start + Self.rowsPerWorkItem))
        }
    }
}
