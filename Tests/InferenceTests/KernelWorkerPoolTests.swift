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

    @Test func usesTheOtherThreads() {
        let pool = WorkerPool(threads: 2)
        let seen = Mutex<Set<String>>([])
        for _ in 0..<50 {
            pool.parallelFor(64) { _ in
                var spin = 0
                for i in 0..<20_000 { spin &+= i }
                let name = Thread.current.name ?? "caller"
                seen.withLock { _ = $0.insert(spin == 0 ? "" : name) }
            }
        }
        #expect(seen.withLock { $0.count } >= 2)
    }
}
