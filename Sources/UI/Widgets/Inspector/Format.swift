import Decoding
import Foundation

/// Number formats shared by the inspector views: fixed width, no locale.
enum Format {
    /// A probability as a percentage with one decimal, 6 cells ("41.2%", " 0.3%").
    static func percent(_ p: Double) -> String {
        String(format: "%5.1f%%", min(100, max(0, p * 100)))
    }

    /// A parameter's value: whole numbers for whole-step parameters, two decimals otherwise.
    static func parameter(_ value: Double, of descriptor: ParameterDescriptor) -> String {
        fixed(value, descriptor.step >= 1 ? 0 : 2)
    }

    /// A count with its noun in the right number: "1 beam", "3 beams", "1 target pass".
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : (value < 0 ? "-∞" : "—") }
        return String(format: "%.\(decimals)f", value)
    }

    /// Pads or cuts `text` to exactly `width` cells.
    static func pad(_ text: String, _ width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = CellWidth.of(character)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return out + String(repeating: " ", count: max(0, width - used))
    }

    /// Pads `text` to exactly `width` cells, or cuts it and ends it with "…" when it is longer.
    static func padMarkingCut(_ text: String, _ width: Int) -> String {
        guard CellWidth.of(text) > width, width > 1 else { return pad(text, width) }
        return pad(pad(text, width - 1).trimmingCharacters(in: .whitespaces) + "…", width)
    }

    /// The end of `text` in at most `width` cells, "…" marking what was cut from the front.
    static func keepingEnd(_ text: String, width: Int) -> String {
        guard CellWidth.of(text) > width, width > 1 else { return text }
        var kept = ""
        var used = 1
        for character in text.reversed() {
            let w = CellWidth.of(character)
            guard used + w <= width else { break }
            kept.insert(character, at: kept.startIndex)
            used += w
        }
        return "…" + kept
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        let w = CellWidth.of(text)
        return w >= width ? text : String(repeating: " ", count: width - w) + text
    }
}
