import Dispatch
import Synchronization

/// Lets one idle worker sleep until the pool has work, without losing a wake-up that races
/// with falling asleep.
final class ParkingSlot: @unchecked Sendable {
    private let asleep = Atomic<Bool>(false)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Sleeps unless `workArrived` is already true once the worker is marked asleep.
    func park(unless workArrived: () -> Bool) {
        asleep.store(true, ordering: .sequentiallyConsistent)
        if workArrived() {
            // If the pool already claimed the flag it has signalled (or will): consume that.
            if !asleep.exchange(false, ordering: .sequentiallyConsistent) { semaphore.wait() }
            return
        }
        semaphore.wait()
    }

    /// Called by the pool after publishing work.
    func wake() {
        if asleep.exchange(false, ordering: .sequentiallyConsistent) { semaphore.signal() }
    }
}
