import Foundation

/// A theme as written in `Themes/NAME.json` (JSON with comments): a palette of named colours
/// and per-role styles whose colours may refer to the palette as `@name`.
///
///     { "name": "amber",
///       "palette": { "amber": "#ffb000" },
///       "styles": { "title": { "fg": "@amber", "bold": true } } }
struct ThemeFile: Decodable {
    struct StyleEntry: Decodable {
        var fg: String?
        var bg: String?
        var bold: Bool?
        var dim: Bool?
        var reverse: Bool?
        var underline: Bool?
        var italic: Bool?
    }

    var name: String
    var palette: [String: String]?
    var styles: [String: StyleEntry]

    static func decode(_ data: Data, source: String) throws(ThemeError) -> ThemeFile {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        do {
            return try decoder.decode(ThemeFile.self, from: data)
        } catch {
            throw .malformed(source: source, reason: ThemeFile.describe(error))
        }
    }

    /// Resolves palette references and role names; roles left out keep `base`'s styles.
    func theme(over base: Theme, source: String) throws(ThemeError) -> Theme {
        var overrides: [ThemeRole: Style] = [:]
        for (roleName, entry) in styles {
            guard let role = ThemeRole(rawValue: roleName) else { throw .unknownRole(source: source, role: roleName) }
            // A coloured entry starts clean: inherited attributes such as reverse were chosen
            // to stand in for colour.
            var style = entry.fg == nil && entry.bg == nil ? base[role] : Style()
            if let fg = entry.fg { style.foreground = try color(fg, source: source) }
            if let bg = entry.bg { style.background = try color(bg, source: source) }
            style.bold = entry.bold ?? style.bold
            style.dim = entry.dim ?? style.dim
            style.reverse = entry.reverse ?? style.reverse
            style.underline = entry.underline ?? style.underline
            style.italic = entry.italic ?? style.italic
            overrides[role] = style
        }
        return base.with(name: name, overrides: overrides)
    }

    private func color(_ text: String, source: String) throws(ThemeError) -> Color {
        if text.hasPrefix("@") {
            let key = String(text.dropFirst())
            guard let value = palette?[key] else { throw .unknownPaletteColor(source: source, name: key) }
            guard let color = Color(name: value) else { throw .invalidColor(source: source, value: value) }
            return color
        }
        guard let color = Color(name: text) else { throw .invalidColor(source: source, value: text) }
        return color
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context): return context.debugDescription + detail(context.underlyingError)
        case .keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "at '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        @unknown default: return "\(decoding)"
        }
    }

    private static func detail(_ error: (any Error)?) -> String {
        guard let error = error as NSError?, let text = error.userInfo[NSDebugDescriptionErrorKey] as? String else { return "" }
        return " (\(text))"
    }
}
