extension ScreenBuffer {
    /// Draws a rounded single-line border along the edges of `area`; areas under 2×2 get none.
    public mutating func drawBorder(_ area: Rect, style: Style) {
        guard area.width >= 2, area.height >= 2 else { return }
        let right = area.maxX - 1, bottom = area.maxY - 1
        for x in area.x + 1..<right {
            put("─", x: x, y: area.y, style: style)
            put("─", x: x, y: bottom, style: style)
        }
        for y in area.y + 1..<bottom {
            put("│", x: area.x, y: y, style: style)
            put("│", x: right, y: y, style: style)
        }
        put("╭", x: area.x, y: area.y, style: style)
        put("╮", x: right, y: area.y, style: style)
        put("╰", x: area.x, y: bottom, style: style)
        put("╯", x: right, y: bottom, style: style)
    }
}
