/// A set of Unicode code points as sorted, disjoint, non-adjacent ranges.
public struct CodePointSet: Sendable, Hashable {
    public static let maximum: UInt32 = 0x10FFFF
    public private(set) var ranges: [ClosedRange<UInt32>]

    public init<S: Sequence>(_ ranges: S, negated: Bool = false) where S.Element == ClosedRange<UInt32> {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
        if negated { self = inverted }
    }

    public init(_ scalar: UInt32) { ranges = [scalar...scalar] }

    public static let all = CodePointSet([0...maximum])

    /// Every code point not in this set.
    public var inverted: CodePointSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
            if range.upperBound >= Self.maximum { return CodePointSet(result) }
        }
        result.append(next...Self.maximum)
        return CodePointSet(result)
    }

    public func union(_ other: CodePointSet) -> CodePointSet { CodePointSet(ranges + other.ranges) }

    public func subtracting(_ other: CodePointSet) -> CodePointSet {
        CodePointSet(inverted.ranges + other.ranges, negated: true)
    }

    public func contains(_ scalar: UInt32) -> Bool {
        ranges.contains { $0.contains(scalar) }
    }

    public var isEmpty: Bool { ranges.isEmpty }
}
