/// The mean and sample standard deviation of repeated measurements.
struct MeanAndDeviation {
    var mean: Double
    var sd: Double

    init(_ values: [Double]) {
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        self.mean = mean
        sd = (squares / Double(max(1, values.count - 1))).squareRoot()
    }

    /// "61.20 ± 0.50".
    var formatted: String {
        String(format: "%.2f ± %.2f", mean, sd)
    }
}
