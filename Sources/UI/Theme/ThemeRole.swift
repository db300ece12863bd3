/// Every styled part of the screen. Theme files name these in "styles".
public enum ThemeRole: String, CaseIterable, Codable, Sendable {
    case base, muted, border, focusedBorder, title
    case header, headerAccent, running, paused, finished, failure
    case footer, footerKey
    case cursor
    /// A heat scale shared by the probability and entropy lenses: 0 is calm/certain, 4 surprising.
    case scale0, scale1, scale2, scale3, scale4
    case sampled, greedy, beam, draftAccepted, draftRejected, resampled, bonus, grammarForced
    case barFill, barChosen, barTrack, sparkline, sparklineSecond
    case overlay, overlayTitle, overlayKey, input
}
