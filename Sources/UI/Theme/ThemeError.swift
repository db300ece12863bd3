/// Why a theme could not be used; every case names the file at fault.
public enum ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(name: String, searched: [String])
    case malformed(source: String, reason: String)
    case unknownRole(source: String, role: String)
    case unknownPaletteColor(source: String, name: String)
    case invalidColor(source: String, value: String)

    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            "no theme '\(name)' (looked for \(name).json in \(searched.isEmpty ? "no Themes folder: none beside the executable, its parent folders or the working directory; set DECODELAB_THEMES to one" : searched.joined(separator: ", ")))"
        case .malformed(let source, let reason): "\(source): \(reason)"
        case .unknownRole(let source, let role): "\(source): unknown style role '\(role)' (known: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownPaletteColor(let source, let name): "\(source): '@\(name)' is not in the palette"
        case .invalidColor(let source, let value):
            "\(source): '\(value)' is not a colour (use default, an ANSI name, colorN, 0-255 or #rrggbb)"
        }
    }
}
