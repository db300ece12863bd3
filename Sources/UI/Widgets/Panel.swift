/// A rounded border with a title; its content goes in `inner(area)`.
public struct Panel: Widget {
    public var title: String
    public var focused: Bool
    /// Right-aligned text in the top border (counts, hints).
    public var badge: String

    public init(title: String, focused: Bool, badge: String = "") {
        self.title = title
        self.focused = focused
        self.badge = badge
    }

    public static func inner(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 2)
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let style = theme[focused ? .focusedBorder : .border]
        let right = area.maxX - 1
        buffer.fill(area, style: theme[.base])
        buffer.drawBorder(area, style: style)
        let titleWidth = buffer.put(" \(title) ", x: area.x + 2, y: area.y, style: theme[.title], maxWidth: area.width - 4)
        let badgeText = " \(badge) "
        let badgeWidth = CellWidth.of(badgeText)
        if !badge.isEmpty, area.width - 4 - titleWidth > badgeWidth {
            buffer.put(badgeText, x: right - 1 - badgeWidth, y: area.y, style: theme[.muted])
        }
    }
}
