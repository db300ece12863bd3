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
    static let rowsPerWorkItem = 16

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
        MatmulInput.with(inputs, stride: inputStride, count: inputCount, columns: columns) { input in
            Self.multiply([MatmulTarget(matrix: self, output: output, outputStride: outputStride)], input: input, pool: pool)
        }
    }

    /// Several matrices times the same input in one pass over the pool (a layer's q/k/v
    /// projections): one dispatch instead of one per matrix.
    static func multiply(_ targets: [MatmulTarget], input: MatmulInput, pool: WorkerPool) {
        let itemCounts = targets.map(\.matrix.workItems)
        pool.parallelFor(itemCounts.reduce(0, +)) { item in
            var target = 0, local = item
            while local >= itemCounts[target] {
                local -= itemCounts[target]
                target += 1
            }
            let t = targets[target]
            t.matrix.multiply(input, rows: t.matrix.rows(ofWorkItem: local), output: t.output, outputStride: t.outputStride)
        }
    }

    /// How many work items of `rowsPerWorkItem` rows cover the matrix.
    var workItems: Int { (rows + Self.rowsPerWorkItem - 1) / Self.rowsPerWorkItem }

    func rows(ofWorkItem item: Int) -> Range<Int> {
        let start = item * Self.rowsPerWorkItem
        return start..<min(rows, start + Self.rowsPerWorkItem)
    }

    /// Rows `rows` of the product with `input`, on the calling thread.
    func multiply(_ input: MatmulInput, rows: Range<Int>, output: UnsafeMutablePointer<Float>, outputStride: Int) {
        let operands = MatmulOperands(
            weights: base, rowBytes: rowBytes, blocksPerRow: columns / kernels.valuesPerBlock,
            input: input, output: output, outputStride: outputStride)
        kernels.multiply(operands, rows)
    }
}
