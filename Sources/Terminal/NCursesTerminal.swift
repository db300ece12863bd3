import CNcursesw
import Dispatch
import Foundation
import Glibc
import UI

/// The terminal, owned through ncursesw. Every call happens on the main actor: ncurses is not
/// thread-safe and this is the only type that touches it.
@MainActor
public final class NCursesTerminal: Display {
    public private(set) var size: Size
    public let colorDepth: ColorDepth
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var colors: ColorPairs
    private var previous: ScreenBuffer?
    private let signals: SignalRelay
    private let stderrLog: StderrLog?
    private var pendingSignals: [Int32] = []
    private var restored = false

    /// Takes over the terminal: checks it is one, adopts a UTF-8 locale, installs signal relays
    /// and the crash guard, redirects stderr to `stderrLogPath`, and only then starts ncurses.
    public init(stderrLogPath: String? = nil) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        TerminalLocale.adoptUTF8()
        let inbox = SignalInbox()
        signals = SignalRelay(queue: DispatchQueue(label: "decodelab.signals")) { inbox.push($0) }
        signalInbox = inbox
        let log = StderrLog.redirect(to: stderrLogPath ?? StderrLog.defaultPath())
        stderrLog = log
        CrashGuard.install(terminalStderr: log?.terminalDescriptor ?? -1)
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input), let window = cn_stdscr() else {
            CrashGuard.uninstall()
            log?.restore()
            signals.cancel()
            throw .cannotOpen(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        self.window = window
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = nodelay(window, true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        var depth = ColorDepth.monochrome
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
            depth = ColorDepth(colorCount: Int(cn_colors()))
        }
        colorDepth = depth
        colors = ColorPairs(depth: depth, limit: Int(cn_color_pairs()))
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    private let signalInbox: SignalInbox

    public func poll() -> [DisplayEvent] {
        var events = signalInbox.drain().map { DisplayEvent.terminationRequested(signal: $0) }
        var character: wint_t = 0
        // Bounded so a key held down (or a paste) cannot starve the frame clock.
        for _ in 0..<256 {
            let status = wget_wch(window, &character)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
                    invalidate()
                    events.append(.resize(size))
                } else if let key = KeyDecoder.key(functionCode: Int32(character)) {
                    events.append(.key(key))
                }
            } else if let key = KeyDecoder.key(character: UInt32(character)) {
                events.append(.key(key))
            }
        }
        return events
    }

    public func draw(_ frame: ScreenBuffer) {
        guard !restored, frame.size == size else { return }
        let width = frame.size.width
        var cell = cchar_t()
        for index in frame.changedIndices(since: previous) {
            let content = frame.cells[index]
            if content.isContinuation { continue }
            // A spacing character plus at most four combining marks (CCHARW_MAX), NUL-terminated:
            // ScreenBuffer stores every cluster in a form that fits and draws predictably.
            var wide = content.symbol.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            _ = setcchar(&cell, wide, colors.attributes(for: content.style), colors.pair(for: content.style), nil)
            // ERR on the bottom-right cell is expected: the glyph is stored, the cursor cannot advance.
            _ = mvwadd_wch(window, Int32(index / width), Int32(index % width), &cell)
        }
        _ = wrefresh(window)
        previous = frame
    }

    public func invalidate() {
        previous = nil
        _ = clearok(window, true)
    }

    /// Gives the terminal back: ncurses ended, stderr and signal handlers restored. Safe to call
    /// more than once, and called on every exit path.
    public func restore() {
        guard !restored else { return }
        restored = true
        // Leave the alternate screen blank: a terminal resized while on it (tmux, for one) can
        // carry its rows over to the normal screen, and the last frame would stay above the
        // shell prompt.
        _ = wclear(window)
        _ = wrefresh(window)
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        CrashGuard.uninstall()
        stderrLog?.restore()
        signals.cancel()
    }
}
