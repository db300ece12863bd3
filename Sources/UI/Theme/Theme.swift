/// A complete mapping from roles to styles.
public struct Theme: Sendable, Equatable {
    public let name: String
    private let styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? Theme.monochrome.styles[role] ?? .plain
    }

    /// This theme with `overrides` laid over it.
    public func with(name: String, overrides: [ThemeRole: Style]) -> Theme {
        Theme(name: name, styles: styles.merging(overrides) { _, new in new })
    }

    /// Attributes only, no colour: what `NO_COLOR` and colourless terminals get, and what every
    /// theme file inherits for the roles it leaves out.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .base: .plain, .muted: Style(dim: true), .border: Style(dim: true), .focusedBorder: Style(bold: true),
        .title: Style(bold: true),
        .header: Style(reverse: true), .headerAccent: Style(bold: true, reverse: true),
        .running: Style(bold: true, reverse: true), .paused: Style(reverse: true, underline: true),
        .finished: Style(reverse: true), .failure: Style(bold: true, reverse: true),
        .footer: Style(reverse: true), .footerKey: Style(bold: true, reverse: true),
        .cursor: Style(reverse: true),
        .scale0: .plain, .scale1: Style(italic: true), .scale2: Style(underline: true), .scale3: Style(bold: true, underline: true),
        // Reverse video is the cursor's alone: a scale level drawn reversed looked like it.
        .scale4: Style(bold: true, underline: true, italic: true),
        .sampled: .plain, .greedy: .plain, .beam: Style(italic: true), .draftAccepted: Style(bold: true),
        .draftRejected: Style(dim: true, underline: true), .resampled: Style(underline: true), .bonus: Style(bold: true, underline: true),
        .grammarForced: Style(italic: true),
        .barFill: Style(reverse: true), .barChosen: Style(bold: true, reverse: true), .barTrack: Style(dim: true),
        .sparkline: .plain, .sparklineSecond: Style(dim: true),
        .overlay: .plain, .overlayTitle: Style(bold: true, reverse: true), .overlayKey: Style(bold: true), .input: Style(underline: true),
    ])

    /// The lens scale role for a heat level 0...4.
    public static func scaleRole(_ level: Int) -> ThemeRole {
        [ThemeRole.scale0, .scale1, .scale2, .scale3, .scale4][max(0, min(4, level))]
    }
}
