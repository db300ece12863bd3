/// The English contraction suffixes the GPT-2 family of regexes splits off first:
/// `'s|'t|'re|'ve|'m|'ll|'d`.
enum Contraction {
    /// How many scalars after the apostrophe at `apostrophe` form a contraction, or nil.
    /// `foldCase` gives the case-insensitive form (`(?i:...)`) of the llama3 family.
    static func length(in text: ScalarText, after apostrophe: Int, within range: Range<Int>, foldCase: Bool = false) -> Int? {
        func letter(_ offset: Int) -> UInt32? {
            guard let scalar = text.scalarAt(apostrophe + offset, in: range) else { return nil }
            // ASCII folding suffices: no other scalar lowercases to one of these letters.
            return foldCase && (0x41...0x5A).contains(scalar) ? scalar + 0x20 : scalar
        }
        guard let first = letter(1) else { return nil }
        switch first {
        case 0x73, 0x74, 0x6D, 0x64: return 1  // s t m d
        default: break
        }
        guard let second = letter(2) else { return nil }
        switch (first, second) {
        case (0x72, 0x65), (0x76, 0x65), (0x6C, 0x6C): return 2  // re ve ll
        default: return nil
        }
    }
}
