import Decoding

/// What the text pane's colours mean.
public enum Lens: String, CaseIterable, Sendable {
    case probability, entropy, source

    public var next: Lens {
        let all = Lens.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    /// Rejected drafts keep their own style under every lens: they are not part of the text.
    public func role(for token: TracedToken) -> ThemeRole {
        if token.source == .draftRejected { return .draftRejected }
        switch self {
        case .probability:
            guard let p = token.probability else { return .base }
            return Theme.scaleRole(Lens.level(probability: p))
        case .entropy:
            guard let h = token.entropy else { return .base }
            return Theme.scaleRole(Lens.level(entropy: h))
        case .source:
            return Lens.role(for: token.source)
        }
    }

    /// 0 for near-certain choices up to 4 for surprising ones.
    static func level(probability p: Double) -> Int {
        switch p {
        case 0.9...: 0
        case 0.6..<0.9: 1
        case 0.3..<0.6: 2
        case 0.1..<0.3: 3
        default: 4
        }
    }

    /// 0 for a peaked distribution up to 4 for a flat one (nats).
    static func level(entropy h: Double) -> Int {
        switch h {
        case ..<0.5: 0
        case 0.5..<1.5: 1
        case 1.5..<2.5: 2
        case 2.5..<3.5: 3
        default: 4
        }
    }

    public static func role(for source: TokenSource) -> ThemeRole {
        switch source {
        case .sampled: .sampled
        case .greedy: .greedy
        case .beam: .beam
        case .draftAccepted: .draftAccepted
        case .draftRejected: .draftRejected
        case .resampled: .resampled
        case .bonus: .bonus
        case .grammarForced: .grammarForced
        }
    }

    /// The legend the text pane draws in its border: each item in the style it explains.
    public var legend: [(text: String, role: ThemeRole)] {
        switch self {
        case .probability: [("p", .muted), ("≥.9", .scale0), ("≥.6", .scale1), ("≥.3", .scale2), ("≥.1", .scale3), ("<.1", .scale4)]
        case .entropy: [("H", .muted), ("<.5", .scale0), ("<1.5", .scale1), ("<2.5", .scale2), ("<3.5", .scale3), ("≥3.5", .scale4)]
        case .source:
            [("sample", .sampled), ("✓draft", .draftAccepted), ("✗draft", .draftRejected), ("resample", .resampled),
             ("bonus", .bonus), ("forced", .grammarForced)]
        }
    }

    /// The legend for a pane too narrow for `legend` (80 columns): the source lens's shortened
    /// by leaving out sampled tokens, which are the plain text as greedy and beam ones are, and
    /// by abbreviating draft to "dr". The other lenses' legends are short already.
    public var compactLegend: [(text: String, role: ThemeRole)] {
        switch self {
        case .probability, .entropy: legend
        case .source: [("✓dr", .draftAccepted), ("✗dr", .draftRejected), ("resample", .resampled), ("bonus", .bonus), ("forced", .grammarForced)]
        }
    }

    /// The legend as plain text (notices).
    public var legendText: String { legend.map(\.text).joined(separator: " ") }
}
