import Foundation
import Inference

/// How a token id reads on screen.
public enum TokenText {
    /// The token's bytes as text (invalid UTF-8, e.g. half a character, becomes U+FFFD).
    public static func string(_ token: TokenID, vocabulary: any Vocabulary) -> String {
        String(decoding: vocabulary.bytes(of: token), as: UTF8.self)
    }

    /// The tokens' bytes together as text, so a character split over two of them reads whole.
    public static func string(_ tokens: some Sequence<TokenID>, vocabulary: any Vocabulary) -> String {
        String(decoding: tokens.flatMap { vocabulary.bytes(of: $0) }, as: UTF8.self)
    }

    /// A one-line, printable, quoted-looking label for lists: spaces shown as `␣` at the edges
    /// so " the" and "the" differ visibly; control tokens keep their name, without its
    /// brackets (`<|im_end|>` is ⟨im_end⟩), so two end tokens read differently.
    /// A token that is not whole UTF-8 (a piece of a character) shows its bytes, `\xE3\x81`,
    /// as `tokenize` and `replay` do.
    public static func label(_ token: TokenID, vocabulary: any Vocabulary) -> String {
        let bytes = vocabulary.bytes(of: token)
        if String(validating: bytes, as: UTF8.self) == nil { return markingEdgeSpaces(DisplayText.escaping(bytes)) }
        let text = Printable.text(string(token, vocabulary: vocabulary))
        if text.isEmpty {
            let name = vocabulary.controlSpelling(of: token).map { Printable.text($0).trimmingCharacters(in: ["<", "|", ">"]) } ?? ""
            if !name.isEmpty { return "⟨\(name)⟩" }
            return vocabulary.isEndOfGeneration(token) ? "⟨end⟩" : "⟨#\(token)⟩"
        }
        // Blank characters other than spaces (a no-break space, an em space) are named: the
        // label would otherwise look empty.
        if text.allSatisfy(\.isWhitespace), text.contains(where: { $0 != " " }) {
            return text.unicodeScalars.map { $0 == " " ? "␣" : "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }.joined()
        }
        return markingEdgeSpaces(text)
    }

    private static func markingEdgeSpaces(_ text: String) -> String {
        var label = text
        if label.hasPrefix(" ") { label = "␣" + label.dropFirst() }
        if label.hasSuffix(" ") { label = label.dropLast() + "␣" }
        return label
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
