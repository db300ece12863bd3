/// The llama3 family's pre-tokenizer regex
/// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,k}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
/// as a scanner, following llama.cpp's hand-written matcher for it. llama3 groups up to three
/// digits (k = 3); qwen2's regex is the same with single digits (k = 1).
struct Llama3WordSplitter {
    let maxDigits: Int

    func split(_ text: ScalarText, _ range: Range<Int>, emit: (Range<Int>) -> Void) {
        let space: UInt32 = 0x20, apostrophe: UInt32 = 0x27
        func isLineBreak(_ scalar: UInt32) -> Bool { scalar == 0x0A || scalar == 0x0D }
        var position = range.lowerBound
        func endWord(at end: Int) {
            if end > position { emit(position..<end) }
            position = end
        }
        while position < range.upperBound {
            let scalar = text.scalars[position]
            let scalarClass = text.classes[position]
            if scalar == apostrophe, let length = Contraction.length(in: text, after: position, within: range, foldCase: true) {
                endWord(at: position + 1 + length)
                continue
            }
            // `[^\r\n\p{L}\p{N}]?\p{L}+`: letters, with any one non-line-break, non-number prefix.
            if !isLineBreak(scalar), !scalarClass.isNumber,
               scalarClass.isLetter || text.classAt(position + 1, in: range)?.isLetter == true {
                endWord(at: text.endOfRun(.letters, from: position + 1, in: range))
                continue
            }
            if scalarClass.isNumber {
                let runEnd = text.endOfRun(.numbers, from: position, in: range)
                while position < runEnd { endWord(at: min(position + maxDigits, runEnd)) }
                continue
            }
            // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
            let classAfterSpace = scalar == space ? text.classAt(position + 1, in: range) : scalarClass
            if let next = classAfterSpace, next.isOther {
                var end = text.endOfRun(.others, from: position + (scalar == space ? 1 : 0), in: range)
                while let following = text.scalarAt(end, in: range), isLineBreak(following) { end += 1 }
                endWord(at: end)
                continue
            }
            var whitespaceEnd = position
            var lastLineBreakEnd: Int?
            while let next = text.classAt(whitespaceEnd, in: range), next.isWhitespace {
                if isLineBreak(text.scalars[whitespaceEnd]) { lastLineBreakEnd = whitespaceEnd + 1 }
                whitespaceEnd += 1
            }
            if let lastLineBreakEnd {
                endWord(at: lastLineBreakEnd)  // `\s*[\r\n]+`
            } else if whitespaceEnd - position > 1 && whitespaceEnd < range.upperBound {
                endWord(at: whitespaceEnd - 1)  // `\s+(?!\S)`
            } else if whitespaceEnd > position {
                endWord(at: whitespaceEnd)  // `\s+`
            } else {
                endWord(at: position + 1)
            }
        }
    }
}
