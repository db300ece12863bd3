/// Where frames go and input comes from: the terminal in the app, an in-memory screen in tests.
/// Everything is called from the main actor, which is what serialises the terminal library.
@MainActor
public protocol Display: AnyObject {
    var size: Size { get }
    var colorDepth: ColorDepth { get }
    /// Input that arrived since the last call, without waiting.
    func poll() -> [DisplayEvent]
    /// Shows `frame`, writing only the cells that differ from the previous one.
    func draw(_ frame: ScreenBuffer)
    /// Forgets the previous frame so the next `draw` repaints everything.
    func invalidate()
}

public enum DisplayEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case terminationRequested(signal: Int32)
}
