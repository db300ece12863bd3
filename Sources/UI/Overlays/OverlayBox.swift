/// A centred, bordered box drawn over the screen, sized to its content within limits.
struct OverlayBox {
    var title: String
    var width: Int
    var height: Int

    /// The box's area on a screen of `size`, shrunk to fit.
    func area(in size: Size) -> Rect {
        let w = min(width, size.width - 2), h = min(height, size.height - 2)
        return Rect(x: (size.width - w) / 2, y: (size.height - h) / 2, width: w, height: h)
    }

    /// Draws the frame and returns the content area.
    func draw(into buffer: inout ScreenBuffer, theme: Theme) -> Rect {
        let area = area(in: buffer.size)
        buffer.fill(area, style: theme[.overlay])
        guard area.width >= 4, area.height >= 3 else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        buffer.drawBorder(area, style: theme[.overlay])
        buffer.put(" \(title) ", x: area.x + 2, y: area.y, style: theme[.overlayTitle], maxWidth: area.width - 4)
        return Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
    }

    /// Marks the highlighted row of a list in the content area returned by `draw` with a "▸"
    /// in the padding on its left: reverse video alone does not show in every theme and
    /// terminal, nor in a text capture.
    static func pointAt(row y: Int, of content: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        buffer.put("▸", x: content.x - 1, y: y, style: theme[.overlayKey])
    }
}
