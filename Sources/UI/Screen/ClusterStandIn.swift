/// What a grapheme cluster is drawn as. ncurses' `cchar_t` holds one spacing character plus
/// at most four zero-width ones (`setcchar` drops everything from the next spacing one), and
/// terminals disagree on how wide emoji sequences are (a ZWJ family, a flag or a VS16 emoji is
/// one or two cells depending on the terminal). So only a spacing scalar with its combining
/// marks is drawn as is; anything else gets a stand-in whose width every terminal takes from
/// wcwidth, and `CellWidth` measures the stand-in, so rows stay aligned and nothing is left
/// behind:
/// - variation selectors and emoji tags are left out (❤️ → ❤, one cell);
/// - a ZWJ sequence or a modified emoji keeps its first scalar (👩‍👩‍👧 → 👩, 👍🏽 → 👍);
/// - regional indicators become their letters (🇫🇷 → FR), as a lone indicator's width varies;
/// - an unprintable first scalar becomes U+FFFD; a cluster that starts with a zero-width
///   scalar draws nothing (`Printable` gives such clusters a base first).
enum ClusterStandIn {
    /// CCHARW_MAX in curses.h: the scalars one cell can hold.
    private static let scalarsPerCell = 5
    private static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"
    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// The text drawn for `character`: usually one cluster, two letters for a flag, empty when
    /// nothing is drawn.
    static func drawn(_ character: Character) -> String {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return String(character) }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return "" }
        if regionalIndicators.contains(base.value) {
            return String(String.UnicodeScalarView(scalars.compactMap(letter)))
        }
        switch CellWidth.of(base) {
        case nil: return "\u{FFFD}"
        case 0: return ""
        default: break
        }
        var kept = String.UnicodeScalarView([base])
        for scalar in scalars.dropFirst() where !isPresentationOnly(scalar) {
            guard kept.count < scalarsPerCell, scalar != zeroWidthJoiner, CellWidth.of(scalar) == 0 else { break }
            kept.append(scalar)
        }
        return String(kept)
    }

    /// The capital letter a regional indicator stands for.
    private static func letter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard regionalIndicators.contains(scalar.value) else { return nil }
        return Unicode.Scalar(scalar.value - regionalIndicators.lowerBound + 0x41)
    }

    /// Variation selectors and tag characters only choose a presentation, which is exactly
    /// what terminals disagree on.
    private static func isPresentationOnly(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0020...0xE007F).contains(scalar.value)
    }
}
