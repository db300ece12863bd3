import Synchronization

/// Counts the queued engine commands that set one thing (a parameter, the seed, the strategy)
/// to a value the keys already computed, so the executor can skip one when a newer command of
/// the same kind waits behind it: a held key restarts the run once, not once per press (60
/// presses of T used to replay for 6-8 s after the key was let go).
final class SupersededCommands: Sendable {
    private let queued = Mutex<[String: Int]>([:])

    /// Call as the command is queued.
    func queue(_ command: AppCommand) {
        guard let kind = command.settingKind else { return }
        queued.withLock { $0[kind, default: 0] += 1 }
    }

    /// Call as the command is taken from the queue; true when a newer one of its kind follows.
    func isSuperseded(_ command: AppCommand) -> Bool {
        guard let kind = command.settingKind else { return false }
        return queued.withLock { counts in
            let remaining = (counts[kind] ?? 1) - 1
            counts[kind] = remaining > 0 ? remaining : nil
            return remaining > 0
        }
    }
}
