/// A colour as themes name it; the terminal maps it to what it can show (see `ColorDepth`).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 indexed colours (0-15 are the ANSI ones).
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// ANSI names as themes spell them, in index order.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue", "brightmagenta", "brightcyan", "brightwhite",
    ]

    /// Parses `default`, an ANSI name, `colorN`/`N` (0-255) or `#rrggbb`.
    public init?(name: String) {
        let text = name.lowercased()
        if text == "default" {
            self = .terminalDefault
        } else if let index = Color.ansiNames.firstIndex(of: text) {
            self = .indexed(UInt8(index))
        } else if let index = UInt8(text.hasPrefix("color") ? String(text.dropFirst(5)) : text) {
            self = .indexed(index)
        } else if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }
}
