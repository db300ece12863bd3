/// A text fragment decoded once for the pre-tokenizer: each scalar's value and class, and where
/// its UTF-8 encoding starts, so words found over scalars map back to byte ranges.
struct ScalarText {
    private(set) var scalars: [UInt32] = []
    private(set) var classes: [ScalarClass] = []
    /// UTF-8 start of each scalar, plus one final entry for the end of the fragment.
    private(set) var byteStarts: [Int] = []

    var count: Int { scalars.count }

    /// Decodes UTF-8 as llama.cpp does; a byte it cannot read becomes U+FFFD on its own.
    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Sized for the worst case (all ASCII), filled through raw buffers: this is a hot loop.
        let capacity = bytes.count
        scalars = [UInt32](repeating: 0, count: capacity)
        classes = [ScalarClass](repeating: [], count: capacity)
        byteStarts = [Int](repeating: 0, count: capacity + 1)
        let ascii = ScalarClass.asciiClasses
        var count = 0
        scalars.withUnsafeMutableBufferPointer { scalars in
            classes.withUnsafeMutableBufferPointer { classes in
                byteStarts.withUnsafeMutableBufferPointer { starts in
                    var i = 0
                    while i < bytes.count {
                        let byte = bytes[i]
                        starts[count] = i
                        if byte < 0x80 {
                            scalars[count] = UInt32(byte)
                            classes[count] = ascii[Int(byte)]
                            i += 1
                        } else {
                            let (decoded, length) = UTF8Scalar.decodeLikeLlamaCpp(bytes, at: i)
                            let scalar = decoded ?? 0xFFFD
                            scalars[count] = scalar
                            classes[count] = ScalarClass(of: scalar)
                            i += length
                        }
                        count += 1
                    }
                    starts[count] = bytes.count
                }
            }
        }
        scalars.removeLast(capacity - count)
        classes.removeLast(capacity - count)
        byteStarts.removeLast(capacity - count)
    }

    /// The class at `position`, or nil outside `range` (a regex cannot look past its fragment).
    @inline(__always)
    func classAt(_ position: Int, in range: Range<Int>) -> ScalarClass? {
        range.contains(position) ? classes[position] : nil
    }

    /// The scalar at `position`, or nil outside `range`.
    @inline(__always)
    func scalarAt(_ position: Int, in range: Range<Int>) -> UInt32? {
        range.contains(position) ? scalars[position] : nil
    }

    /// Where a run of `run` starting at `start` ends inside `range`.
    @inline(__always)
    func endOfRun(_ run: ScalarRun, from start: Int, in range: Range<Int>) -> Int {
        var end = start
        while end < range.upperBound, run.includes(classes[end]) { end += 1 }
        return end
    }
}
