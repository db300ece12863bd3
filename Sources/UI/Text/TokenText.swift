import Foundation
import Inference

/// How a token id reads on screen.
public enum TokenText {
    /// The token's bytes as text (invalid UTF-8, e.g. half a character, becomes U+FFFD).
    public static func string(_ token: TokenID, vocabulary: any Vocabulary) -> String {
        String(decoding: vocabulary.bytes(of: token), as: UTF8.self)
    }

    /// A one-line, printable, quoted-looking label for lists: spaces shown as `␣` at the edges
    /// so " the" and "the" differ visibly; control tokens keep their name, without its
    /// brackets (`<|im_end|>` is ⟨im_end⟩), so two end tokens read differently.
    public static func label(_ token: TokenID, vocabulary: any Vocabulary) -> String {
        let text = Printable.text(string(token, vocabulary: vocabulary))
        if text.isEmpty {
            let name = vocabulary.controlSpelling(of: token).map { Printable.text($0).trimmingCharacters(in: ["<", "|", ">"]) } ?? ""
            if !name.isEmpty { return "⟨\(name)⟩" }
            return vocabulary.isEndOfGeneration(token) ? "⟨end⟩" : "⟨#\(token)⟩"
        }
        var label = text
        if label.hasPrefix(" ") { label = "␣" + label.dropFirst() }
        if label.hasSuffix(" ") { label = label.dropLast() + "␣" }
        return label
    }
}
