/// Where each part of the main screen goes for a terminal size.
public struct ScreenLayout: Equatable, Sendable {
    public static let minimum = Size(width: 80, height: 24)

    public var header: Rect
    public var text: Rect
    public var inspector: Rect
    public var timeline: Rect
    public var footer: Rect

    /// `zoomed` gives the whole area between header and footer to that pane (the others get
    /// empty rects).
    public init(size: Size, zoomed: Pane? = nil) {
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let none = Rect(x: 0, y: 0, width: 0, height: 0)
        if let zoomed {
            text = zoomed == .text ? body : none
            inspector = zoomed == .inspector ? body : none
            timeline = zoomed == .timeline ? body : none
            return
        }
        let timelineHeight = 4
        let upper = body.height - timelineHeight
        let textWidth = max(40, size.width * 11 / 20)
        text = Rect(x: 0, y: body.y, width: textWidth, height: upper)
        inspector = Rect(x: textWidth, y: body.y, width: size.width - textWidth, height: upper)
        timeline = Rect(x: 0, y: body.y + upper, width: size.width, height: timelineHeight)
    }
}

extension Size {
    /// At least `ScreenLayout.minimum` in both directions: below it the screen shows only the
    /// "too small" notice.
    var fitsScreen: Bool { width >= ScreenLayout.minimum.width && height >= ScreenLayout.minimum.height }
}
