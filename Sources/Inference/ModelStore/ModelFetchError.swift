/// Why getting the default model failed, as one sentence a user can act on.
public struct ModelFetchError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
