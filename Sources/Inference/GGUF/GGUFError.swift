/// A problem with a model file, naming the file, what is wrong and where.
public struct GGUFError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    /// Byte offset in the file where the problem was found, when there is one.
    public let offset: Int?
    public let problem: String

    public init(path: String, offset: Int?, problem: String) {
        self.path = path
        self.offset = offset
        self.problem = problem
    }

    /// One line; keys and names quoted from a hostile file cannot emit terminal control codes.
    public var description: String {
        let shown = DisplayText.escaping(Array(problem.utf8))
        if let offset { return "\(path): \(shown) (at byte \(offset))" }
        return "\(path): \(shown)"
    }
}
