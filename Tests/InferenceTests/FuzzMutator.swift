import TestSupport

/// Seeded, structure-aware mutations of a valid file: random bit flips, byte edits, truncations,
/// insertions and deletions, plus overwriting known fields (counts, lengths, types, dimensions,
/// offsets) with the values most likely to break a parser.
struct FuzzMutator: RandomNumberGenerator {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    /// SplitMix64: tiny, fast and good enough to drive mutations reproducibly.
    mutating func next() -> UInt64 {
        source.next()
    }

    static let interestingBytes: [UInt8] = [0, 1, 0x7F, 0x80, 0xFE, 0xFF, 0xC3, 0xED]
    static let interestingWords: [UInt64] = [
        0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 31, 32, 33, 255, 256, 4096,
        0x7FFF_FFFF, 0xFFFF_FFFF, 1 << 32, 1 << 40, 1 << 62, 1 << 63, UInt64.max, UInt64.max - 31,
    ]

    /// `fields` are byte offsets of fields in `bytes`, each mutated more often than random bytes.
    mutating func mutate(_ bytes: [UInt8], fields: [Int]) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            mutateOnce(&out, fields: fields)
        }
        return out
    }

    private mutating func mutateOnce(_ out: inout [UInt8], fields: [Int]) {
        guard !out.isEmpty else { out = [UInt8](repeating: 0, count: Int.random(in: 0...8, using: &self)); return }
        let position = Int.random(in: 0..<out.count, using: &self)
        switch Int.random(in: 0..<8, using: &self) {
        case 0:
            out[position] ^= 1 << UInt8.random(in: 0..<8, using: &self)
        case 1:
            out[position] = Self.interestingBytes.randomElement(using: &self) ?? 0
        case 2, 3:
            let field = fields.filter { $0 < out.count }.randomElement(using: &self) ?? position
            var word = Self.interestingWords.randomElement(using: &self) ?? 0
            if Bool.random(using: &self) { word = UInt64(out.count - field) }
            overwrite(&out, at: field, with: word, width: Bool.random(using: &self) ? 4 : 8)
        case 4:
            out.removeLast(Int.random(in: 1...min(out.count, 64), using: &self))
        case 5:
            out.removeSubrange(position..<min(out.count, position + Int.random(in: 1...16, using: &self)))
        case 6:
            let inserted = (0..<Int.random(in: 1...16, using: &self)).map { _ in UInt8.random(in: 0...255, using: &self) }
            out.insert(contentsOf: inserted, at: position)
        default:
            let length = Int.random(in: 1...32, using: &self)
            let source = Array(out[position..<min(out.count, position + length)])
            let target = Int.random(in: 0...out.count, using: &self)
            out.replaceSubrange(target..<min(out.count, target + source.count), with: source)
        }
    }

    private func overwrite(_ out: inout [UInt8], at offset: Int, with word: UInt64, width: Int) {
        withUnsafeBytes(of: word.littleEndian) { raw in
            for i in 0..<min(width, out.count - offset) { out[offset + i] = raw[i] }
        }
    }
}
