/// A reusable buffer that grows to the largest size asked for and never shrinks.
final class ScratchArray<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private var capacity = 0

    init() { base = .allocate(capacity: 0) }

    deinit { base.deallocate() }

    /// Room for `count` elements (their contents are undefined until written).
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        base = .allocate(capacity: count)
        capacity = count
    }
}
