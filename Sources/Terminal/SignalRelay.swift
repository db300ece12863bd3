import Dispatch
import Glibc

/// Delivers SIGINT, SIGTERM and SIGHUP as ordinary events. Installed before `newterm`, which
/// only installs its own handlers for signals still at their default disposition. SIGWINCH is
/// deliberately left to ncurses (a dispatch source would replace its handler and KEY_RESIZE
/// would never arrive); SIGTSTP too, so Ctrl-Z suspends and `fg` redraws.
final class SignalRelay {
    static let relayed: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let sources: [any DispatchSourceSignal]

    init(queue: DispatchQueue, onSignal: @escaping @Sendable (Int32) -> Void) {
        sources = SignalRelay.relayed.map { signo in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            source.setEventHandler { onSignal(signo) }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for signo in SignalRelay.relayed { signal(signo, SIG_DFL) }
    }
}
