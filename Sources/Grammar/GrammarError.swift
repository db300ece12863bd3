/// A grammar, schema or regex that cannot be used, with the place at fault.
public struct GrammarError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file or source name the text came from.
    public let source: String
    /// 1-based line and column, when the fault has a place in the text.
    public let line: Int?
    public let column: Int?
    public let problem: String

    public init(source: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.source = source
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(source):\(line):\(column): \(problem)"
        case let (line?, nil): "\(source):\(line): \(problem)"
        default: "\(source): \(problem)"
        }
    }
}
