/// The size of a screen in cells.
public struct Size: Equatable, Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }
}
