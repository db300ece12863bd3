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

    /// Work items per thread in one product: enough that a slow thread hands part of its share
    /// to the others, few enough that each thread streams long contiguous runs of rows and
    /// claims stay rare (a claim moves a contended cache line between cores). Items of a fixed
    /// 16 rows made ~13,000 claims per generated token: 2 threads ran tg128 at 95 tok/s, and
    /// 4 items per thread at 150 (8 per thread: 130–140).
    private static let itemsPerThread = 4
    /// Row ranges start at multiples of this: 16 outputs are a 64-byte cache line, so two
    /// threads never write the same line.
    private static let rowGranularity = 16

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
        forEachRowRange(pool) { kernels.multiply(operands, $0) }
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
        forEachRowRange(pool) { multiplyQuantized(operands, $0) }
    }

    /// Splits the rows into contiguous ranges, about `itemsPerThread` per thread, and runs `body`
    /// on each over the pool.
    private func forEachRowRange(_ pool: WorkerPool, _ body: (Range<Int>) -> Void) {
        let granules = (rows + Self.rowGranularity - 1) / Self.rowGranularity
        let granulesPerItem = max(1, granules / (pool.threadCount * Self.itemsPerThread))
        let rowsPerItem = granulesPerItem * Self.rowGranularity
        let items = (rows + rowsPerItem - 1) / rowsPerItem
        pool.parallelFor(items) { item in
            let start = item * rowsPerItem
            body(start..<min(rows, start + rowsPerItem))
        }
    }
}
