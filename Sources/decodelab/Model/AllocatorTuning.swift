import CMalloc

/// Keeps freed memory in the process instead of returning it to the kernel at once.
///
/// Every decoding step allocates and frees buffers of a few hundred kilobytes (a logit row
/// per verified token, dense target vectors); glibc gives blocks of that size back to the
/// kernel on free (mmap, heap trimming), so the next step faults fresh zeroed pages in again.
/// A speculative run took 40,000-47,000 page faults for 300 tokens and ran 5% faster with
/// 10,000-11,000 once these blocks stayed in the heap.
enum AllocatorTuning {
    static func apply() {
        // Blocks up to 32 MiB come from the heap, and up to 256 MiB of free heap top is kept.
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
    }
}
