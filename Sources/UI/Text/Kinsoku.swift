/// Basic kinsoku shori, the line-breaking rules of Japanese and Chinese text: closing
/// punctuation (、。」 …), the prolonged sound mark and small kana never start a line, and
/// opening brackets (「（ …) never end one. Where a line would break that way, the characters
/// before the break move down to the next line with the one after it.
enum Kinsoku {
    /// How many characters at the end of `line` (a full line) move down so that neither line
    /// breaks a rule when `next` starts the next line. At least one character stays, and what
    /// moves down must fit a line of `width` cells beside `next`.
    static func carriedCount(endOf line: [Character], before next: Character, width: Int) -> Int {
        var carried = 0
        var carriedWidth = CellWidth.of(next)
        var first = next
        while carried < line.count - 1 {
            let last = line[line.count - 1 - carried]
            guard cannotStartLine(first) || cannotEndLine(last) else { break }
            carriedWidth += CellWidth.of(last)
            guard carriedWidth <= width else { return 0 }
            carried += 1
            first = last
        }
        // A line made only of such characters has no good break: it breaks where it is full.
        return carried == line.count - 1 && (cannotStartLine(first) || cannotEndLine(line[0])) ? 0 : carried
    }

    static func cannotStartLine(_ character: Character) -> Bool {
        closing.contains(character)
    }

    static func cannotEndLine(_ character: Character) -> Bool {
        opening.contains(character)
    }

    private static let closing: Set<Character> = Set("、。，．・：；！？）］｝〕〉》」』】〙〗〟ーゝゞヽヾ々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ")
    private static let opening: Set<Character> = Set("（［｛〔〈《「『【〘〖〝")
}
