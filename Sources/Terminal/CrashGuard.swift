import Glibc

/// Restores the terminal when the process dies from a fatal signal (a Swift trap is SIGILL or
/// SIGTRAP): tty modes back, alternate screen left, cursor shown, stderr back on the terminal.
/// It then restores the previous handler. A fault (the kernel's si_code > 0) returns, so the
/// faulting instruction runs again and reaches the Swift backtracer with the real context;
/// abort-like signals and signals sent with kill/raise are re-raised. Only async-signal-safe
/// calls; all state is preallocated.
enum CrashGuard {
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    nonisolated(unsafe) private static let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    /// The terminal's stderr while fd 2 goes to the log, or -1.
    nonisolated(unsafe) private static let terminalStderr = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    /// Saves the tty state; call before ncurses changes it.
    static func install(terminalStderr descriptor: Int32) {
        _ = tcgetattr(STDIN_FILENO, savedTermios)
        terminalStderr.pointee = descriptor
        for signo in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = handle
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            _ = sigaction(signo, &action, previousActions + Int(signo))
        }
    }

    /// Puts the previous handlers back (clean exit).
    static func uninstall() {
        for signo in signals {
            _ = sigaction(signo, previousActions + Int(signo), nil)
        }
    }

    private static let handle: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signo, info, _ in
        _ = tcsetattr(STDIN_FILENO, TCSANOW, CrashGuard.savedTermios)
        let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\ndecodelab crashed; the terminal was restored.\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
        if CrashGuard.terminalStderr.pointee >= 0 {
            _ = dup2(CrashGuard.terminalStderr.pointee, STDERR_FILENO)
        }
        _ = sigaction(signo, CrashGuard.previousActions + Int(signo), nil)
        let sentByProcess = (info?.pointee.si_code ?? 0) <= 0
        if signo == SIGABRT || signo == SIGTRAP || sentByProcess {
            _ = raise(signo)
        }
    }
}
