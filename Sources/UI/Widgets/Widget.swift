/// Something that draws itself into an area of a frame. Widgets are values built from the
/// state they show; drawing is their only job.
public protocol Widget {
    func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme)
}
