/// Horizontal bars drawn with eighth-block glyphs, so a 10-cell bar resolves 80 levels.
public enum Bar {
    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar for `fraction` (clamped to 0...1) exactly `width` cells wide: blocks, then spaces.
    public static func text(_ fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(width * 8)).rounded())
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partials[eighths % 8 - 1]) }
        return text + String(repeating: " ", count: width - CellWidth.of(text))
    }

    /// Draws the bar over a track of its own width.
    public static func draw(_ fraction: Double, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, fill: Style, track: Style) {
        guard width > 0 else { return }
        buffer.put(String(repeating: "·", count: width), x: x, y: y, style: track)
        let bar = text(fraction, width: width)
        var column = x
        for character in bar where character != " " {
            column += buffer.put(character, x: column, y: y, style: fill)
        }
    }
}
