/// GPT-2's pre-tokenizer regex
/// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)`
/// as a scanner, following llama.cpp's hand-written matcher for it step by step.
enum GPT2WordSplitter {
    static func split(_ text: ScalarText, _ range: Range<Int>, emit: (Range<Int>) -> Void) {
        let space = UInt32(UInt8(ascii: " ")), apostrophe = UInt32(UInt8(ascii: "'"))
        var position = range.lowerBound
        var wordStart = position
        func endWord(at end: Int) {
            if end > wordStart { emit(wordStart..<end) }
            wordStart = end
            position = end
        }
        while position < range.upperBound {
            let scalar = text.scalars[position]
            if scalar == apostrophe, let length = Contraction.length(in: text, after: position, within: range) {
                endWord(at: position + 1 + length)
                continue
            }
            // An optional leading space, then a run of one class.
            let classAfterSpace = scalar == space ? text.classAt(position + 1, in: range) : text.classes[position]
            if let runClass = classAfterSpace, let run = ScalarRun(startingWith: runClass) {
                endWord(at: text.endOfRun(run, from: position + (scalar == space ? 1 : 0), in: range))
                continue
            }
            var whitespaceEnd = position
            while let next = text.classAt(whitespaceEnd, in: range), next.isWhitespace { whitespaceEnd += 1 }
            let whitespaceCount = whitespaceEnd - position
            if whitespaceCount > 1 && whitespaceEnd < range.upperBound {
                // `\s+(?!\S)`: leave the last space to prefix the word that follows.
                endWord(at: whitespaceEnd - 1)
            } else if whitespaceCount > 0 {
                endWord(at: whitespaceEnd)
            } else {
                endWord(at: position + 1)
            }
        }
    }
}
