import Grammar

/// Why a constrained strategy cannot run.
public enum ConstraintError: Error, CustomStringConvertible, Equatable {
    /// The strategy was chosen without a constraint.
    case missing(strategy: String)
    /// The constraint does not compile; the grammar error names the file, line and column.
    case invalid(strategy: String, GrammarError)
    /// No token can follow the text so far (the grammar needs bytes no token spells).
    case deadEnd(generated: Int)
    /// Every SMC particle died: none reached a complete text within the length limit.
    case noParticleFinished(generated: Int)

    public var description: String {
        switch self {
        case .missing(let strategy):
            "\(strategy) needs a constraint: pass --grammar-file, --json-schema or --regex"
        case .invalid(let strategy, let error):
            "\(strategy): \(error)"
        case .deadEnd(let generated):
            "the constraint allows no token after the \(generated) generated tokens"
        case .noParticleFinished(let generated):
            "no particle reached a text the constraint accepts within the length limit (\(generated) tokens committed); allow more tokens"
        }
    }
}
