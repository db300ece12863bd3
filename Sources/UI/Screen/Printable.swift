/// Makes arbitrary (model-generated) text safe to put in cells: controls and other scalars the
/// terminal would not print become visible placeholders, so no byte can move the cursor.
public enum Printable {
    public static func text(_ raw: String) -> String {
        var out = ""
        for character in raw {
            out += visible(character)
        }
        return out
    }

    private static func visible(_ character: Character) -> String {
        switch character {
        case "\n", "\r\n": return "↵"
        case "\t": return "→"
        case "\r": return "␍"
        default: break
        }
        guard let first = character.unicodeScalars.first else { return "" }
        if first.value < 0x20 || first.value == 0x7F {
            return String(Unicode.Scalar(0x2400 + (first.value == 0x7F ? 0x21 : first.value)) ?? "?")
        }
        if CellWidth.of(first) == nil { return "�" }
        // A cluster that starts with a combining mark would draw on the previous cell.
        if CellWidth.of(first) == 0 { return "◌" + String(character) }
        return String(character)
    }
}
