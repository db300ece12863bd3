import Foundation
import Synchronization

/// A fixed set of threads that run data-parallel loops together with the calling thread.
/// Workers spin between jobs (a forward pass issues hundreds of sub-millisecond matmuls, and
/// waking a sleeping thread costs more than most of them) and park on a semaphore only after
/// staying idle for a while. No thread or task is created per job.
public final class WorkerPool: @unchecked Sendable {
    /// Threads taking part in a job, the caller included.
    public let threadCount: Int
    private let shared: WorkerPoolState

    /// - Parameter threads: total threads including the caller; nil means one per active core.
    public init(threads: Int? = nil) {
        threadCount = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        shared = WorkerPoolState(workerCount: threadCount - 1)
        for index in 0..<threadCount - 1 {
            let state = shared
            let thread = Thread { state.workerLoop(index) }
            thread.name = "decodelab-worker-\(index)"
            thread.start()
        }
    }

    deinit { shared.stop() }

    /// Calls `body(i)` for every i in 0..<count, spread over all threads; returns when every call
    /// has finished. Items are handed out one at a time, so a slow thread only delays its own
    /// item. Calls must not depend on each other or on which thread runs them.
    public func parallelFor(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1, threadCount > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            shared.run(count: count, body: escapable)
        }
    }
}

/// What the workers share with the pool; it outlives the pool's handle until workers exit.
final class WorkerPoolState: @unchecked Sendable {
    private let workerCount: Int
    /// Bumped once per job (after `job` is published) and once to stop.
    private let generation = Atomic<Int>(0)
    private let nextItem = Atomic<Int>(0)
    /// Workers still inside the current job.
    private let busyWorkers = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let workers: [ParkingSlot]
    // Written only by the dispatching thread while no worker is inside a job; published to the
    // workers by the increment of `generation`.
    nonisolated(unsafe) private var job: ((Int) -> Void)?
    nonisolated(unsafe) private var itemCount = 0

    /// Idle polls before a worker parks: roughly a few hundred microseconds.
    private static let spinLimit = 1 << 16

    init(workerCount: Int) {
        self.workerCount = workerCount
        workers = (0..<workerCount).map { _ in ParkingSlot() }
    }

    func run(count: Int, body: @escaping (Int) -> Void) {
        job = body
        itemCount = count
        nextItem.store(0, ordering: .relaxed)
        busyWorkers.store(workerCount, ordering: .relaxed)
        generation.add(1, ordering: .sequentiallyConsistent)
        wakeSleepers()
        drainItems(body, count: count)
        var polls = 0
        while busyWorkers.load(ordering: .acquiring) != 0 { Self.pause(&polls) }
        job = nil
    }

    func stop() {
        stopping.store(true, ordering: .relaxed)
        generation.add(1, ordering: .sequentiallyConsistent)
        wakeSleepers()
    }

    private func wakeSleepers() {
        for worker in workers { worker.wake() }
    }

    private func drainItems(_ body: (Int) -> Void, count: Int) {
        while true {
            let item = nextItem.add(1, ordering: .relaxed).oldValue
            guard item < count else { return }
            body(item)
        }
    }

    /// One idle poll. Every so often it yields the core: on a loaded machine a spinning thread
    /// would otherwise hold the CPU the thread it waits for needs.
    @inline(__always)
    private static func pause(_ polls: inout Int) {
        polls += 1
        if polls % 128 == 0 { sched_yield() }
    }

    func workerLoop(_ index: Int) {
        var seen = 0
        while true {
            seen = waitForGeneration(after: seen, index: index)
            if stopping.load(ordering: .relaxed) { return }
            if let job { drainItems(job, count: itemCount) }
            busyWorkers.subtract(1, ordering: .releasing)
        }
    }

    private func waitForGeneration(after seen: Int, index: Int) -> Int {
        var spins = 0
        while true {
            let current = generation.load(ordering: .acquiring)
            if current != seen { return current }
            Self.pause(&spins)
            guard spins >= Self.spinLimit else { continue }
            spins = 0
            workers[index].park(unless: { generation.load(ordering: .sequentiallyConsistent) != seen })
        }
    }
}
