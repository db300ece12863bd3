/// How many terminal cells text takes, without depending on the process locale (tests run
/// under "C", where libc's wcwidth gives -1 for everything non-ASCII).
public enum CellWidth {
    /// 0, 1 or 2 cells; nil when the C library would refuse to print the scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if contains(CellWidthTable.unprintable, value) { return nil }
        if contains(CellWidthTable.zero, value) { return 0 }
        if contains(CellWidthTable.double, value) { return 2 }
        return 1
    }

    /// Width of a grapheme cluster as the terminal draws it: the width of what is really
    /// drawn for it (`ClusterStandIn`), whose scalars after each base are combining marks.
    public static func of(_ character: Character) -> Int {
        ClusterStandIn.drawn(character).unicodeScalars.reduce(0) { $0 + (of($1) ?? 1) }
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound { high = mid - 1 } else if value > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
