import Foundation
import Synchronization
import Testing
@testable import Inference

@Suite struct KernelWorkerPoolTests {
    /// Many small jobs back to back, as a forward pass issues them: every item runs exactly once
    /// per job and the job is complete when parallelFor returns.
    @Test func everyItemRunsExactlyOncePerJob() {
        let pool = WorkerPool(threads: 3)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 97)
        defer { counts.deallocate() }
        for job in 0..<2_000 {
            let items = job % 97 + 1
            counts.initialize(repeating: 0)
            pool.parallelFor(items) { counts[$0] += 1 }
            #expect(counts[..<items].allSatisfy { $0 == 1 }, "job \(job)")
            #expect(counts[items...].allSatisfy { $0 == 0 })
        }
    }

    /// Item 0 waits for item 1 to start: this finishes only if two threads run at once.
    @Test func runsItemsConcurrently() {
        let pool = WorkerPool(threads: 2)
        let secondStarted = Atomic<Bool>(false)
        let sawConcurrency = Atomic<Bool>(false)
        pool.parallelFor(2) { item in
            if item == 1 {
                secondStarted.store(true, ordering: .releasing)
                return
            }
            let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
            while DispatchTime.now().uptimeNanoseconds < deadline {
                if secondStarted.load(ordering: .acquiring) {
                    sawConcurrency.store(true, ordering: .relaxed)
                    return
                }
            }
        }
        let concurrent = sawConcurrency.load(ordering: .relaxed)
        #expect(concurrent)
    }
}
