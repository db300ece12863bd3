/// Cuts text at the verbatim occurrences of special tokens before BPE, like llama.cpp's
/// `tokenizer_st_partition`: tokens are tried longest text first, each over every piece of text
/// still unclaimed, left to right.
struct SpecialTokenSplitter: Sendable {
    enum Fragment: Equatable {
        case text(Range<Int>)
        case token(TokenID)
    }

    struct Candidate: Sendable {
        let token: TokenID
        let text: [UInt8]
        let kind: TokenKind
    }

    /// Longest text first; ties by id, so the order is deterministic.
    private let candidates: [Candidate]

    init(_ candidates: [Candidate]) {
        self.candidates = candidates.filter { !$0.text.isEmpty }.sorted {
            $0.text.count != $1.text.count ? $0.text.count > $1.text.count : $0.token < $1.token
        }
    }

    func split(_ bytes: UnsafeBufferPointer<UInt8>, parseSpecial: Bool) -> [Fragment] {
        var fragments: [Fragment] = bytes.isEmpty ? [] : [.text(0..<bytes.count)]
        for candidate in candidates where candidate.kind.isMatchedInText(parseSpecial: parseSpecial) {
            var result: [Fragment] = []
            result.reserveCapacity(fragments.count)
            for fragment in fragments {
                guard case .text(var rest) = fragment else {
                    result.append(fragment)
                    continue
                }
                while let match = Self.find(candidate.text, in: bytes, within: rest) {
                    if match > rest.lowerBound { result.append(.text(rest.lowerBound..<match)) }
                    result.append(.token(candidate.token))
                    rest = match + candidate.text.count..<rest.upperBound
                }
                if !rest.isEmpty { result.append(.text(rest)) }
            }
            fragments = result
        }
        return fragments
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, within range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var start = range.lowerBound
        let lastStart = range.upperBound - needle.count
        while start <= lastStart {
            guard bytes[start] == first else {
                start += 1
                continue
            }
            var k = 1
            while k < needle.count && bytes[start + k] == needle[k] { k += 1 }
            if k == needle.count { return start }
            start += 1
        }
        return nil
    }
}
