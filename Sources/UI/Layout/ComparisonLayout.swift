/// Where compare mode puts its panes: the two runs' text side by side between header and
/// footer, and the primary run's inspector on the right when the screen is wide enough.
public struct ComparisonLayout: Equatable, Sendable {
    /// Below this width the inspector goes: the text panes need the room more.
    static let widthForInspector = 150
    static let inspectorWidth = 44

    public var header: Rect
    public var primary: Rect
    public var comparison: Rect
    public var inspector: Rect
    public var footer: Rect

    public init(size: Size) {
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let bodyHeight = size.height - 2
        let inspectorWidth = size.width >= Self.widthForInspector ? Self.inspectorWidth : 0
        let textWidth = size.width - inspectorWidth
        let left = textWidth / 2
        primary = Rect(x: 0, y: 1, width: left, height: bodyHeight)
        comparison = Rect(x: left, y: 1, width: textWidth - left, height: bodyHeight)
        inspector = Rect(x: textWidth, y: 1, width: inspectorWidth, height: inspectorWidth > 0 ? bodyHeight : 0)
    }
}
