/// A one-line message in the footer that goes away by itself.
public struct Notice: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// The frame after which it disappears.
    public var expiresAtFrame: Int

    /// A notice shown from `frame` on for `seconds`.
    public init(text: String, isError: Bool = false, from frame: Int = 0, seconds: Int = 4) {
        self.text = text
        self.isError = isError
        self.expiresAtFrame = frame + seconds * App.framesPerSecond
    }
}
