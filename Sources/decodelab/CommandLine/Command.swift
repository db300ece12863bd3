/// One `decodelab` subcommand.
protocol Command {
    static var name: String { get }
    /// One line for `decodelab --help`.
    static var summary: String { get }
    /// Full usage text for `decodelab NAME --help`.
    static var usage: String { get }
    /// Runs the command and returns the process exit code.
    static func run(_ arguments: [String]) async throws -> Int32
}
