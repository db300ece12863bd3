/// A 1-based line and column (in characters) of a byte offset in UTF-8 text, for errors.
struct TextPosition {
    let line: Int
    let column: Int

    init(of offset: Int, in text: [UInt8]) {
        let before = text[..<min(max(offset, 0), text.count)]
        line = before.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        let lineStart = before.lastIndex(of: 10).map { $0 + 1 } ?? 0
        column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
    }
}
