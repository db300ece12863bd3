/// Bottom line: the keymap's hinted bindings (htop style), or the current notice.
public struct FooterBar: Widget {
    public var keymap: Keymap
    public var notice: Notice?

    public init(keymap: Keymap, notice: Notice?) {
        self.keymap = keymap
        self.notice = notice
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.footer])
        if let notice {
            buffer.put(" " + Printable.text(notice.text), x: area.x, y: area.y, style: theme[notice.isError ? .failure : .footerKey],
                       maxWidth: area.width)
            return
        }
        var x = area.x
        for binding in keymap.bindings {
            guard let hint = binding.hint else { continue }
            let key = " \(binding.keys.first?.label ?? binding.label)"
            let needed = CellWidth.of(key) + CellWidth.of(hint) + 1
            guard x + needed <= area.maxX else { break }
            x += buffer.put(key, x: x, y: area.y, style: theme[.footerKey])
            x += buffer.put(" \(hint)", x: x, y: area.y, style: theme[.footer])
        }
    }
}
