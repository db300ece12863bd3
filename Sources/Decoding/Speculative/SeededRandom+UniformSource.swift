extension SeededRandom: UniformSource {
    public mutating func draw(weights: [Double]) -> (index: Int, uniform: Double) {
        let u = nextUniform()
        return (UniformCell.index(containing: u, weights: weights), u)
    }
}
