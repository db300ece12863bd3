import Decoding
import Inference

/// For speculative steps: the draft tree, indented by depth, with the target's p, the draft's
/// q, their ratio, the uniform r drawn against it (accepted when r < p/q) and the verdict; the
/// accepted path is highlighted and a rejection shows the residual distribution the
/// replacement came from. The run's cost panel sits under the title.
struct DraftTreeView {
    var trace: DraftTreeTrace
    /// The step's tokens that did not come from the draft (residual draw, bonus, fallback).
    var corrections: [TracedToken]
    var vocabulary: any Vocabulary
    var cost: SpeculationCostPanel?

    func render(into buffer: inout ScreenBuffer, rows: inout InspectorRows, theme: Theme) {
        let accepted = Set(trace.acceptedPath)
        rows.line("\(trace.drafter) · accepted \(trace.acceptedPath.count)/\(trace.nodes.count)", style: theme[.title], into: &buffer)
        cost?.render(into: &buffer, rows: &rows, theme: theme)
        // The mark and p, q, p/q and r take 29 cells, the verdict word 10 more: all fit beside a
        // 13-cell token column from 52 cells (the inspector at 120 columns). Narrower, the word
        // is left to the ✓ ✗ · mark; below 40 cells (80 columns) q goes too, keeping p/q and r,
        // which decide the verdict.
        let showsVerdict = rows.area.width >= 52
        let showsQ = rows.area.width >= 40
        let labelWidth = showsVerdict ? 13 : max(6, rows.area.width - (showsQ ? 29 : 22))
        let heading = DraftTreeView.numbers(p: "p", q: "q", ratio: "p/q", r: "r", showingQ: showsQ)
        rows.line("  \(Format.pad("token", labelWidth))\(heading)" + (showsVerdict ? "  verdict" : ""), style: theme[.muted], into: &buffer)
        let order = DraftTreeView.depthFirstOrder(trace.nodes)
        for (shown, index) in order.enumerated() {
            // With one row left and more than one node to go, say how many are not shown
            // rather than cutting the tree silently.
            if rows.remaining == 1, order.count - shown > 1 {
                rows.line("… \(order.count - shown) more nodes (Enter zooms)", style: theme[.muted], into: &buffer)
                return
            }
            let node = trace.nodes[index]
            let depth = DraftTreeView.depth(of: index, in: trace.nodes)
            let mark = switch node.verdict {
            case .accepted: "✓"
            case .rejected: "✗"
            case .untested: "·"
            }
            let label = String(repeating: " ", count: min(depth, 6)) + TokenText.label(node.token, vocabulary: vocabulary)
            // No r where nothing was drawn: greedy matching, untested nodes.
            let numbers = DraftTreeView.numbers(p: Format.fixed(node.p, 3), q: node.q.map { Format.fixed($0, 3) } ?? "—",
                                                ratio: node.ratio.map { Format.fixed($0, 2) } ?? "—", r: node.r.map { Format.fixed($0, 3) } ?? "—",
                                                showingQ: showsQ)
            let text = "\(mark) \(Format.pad(label, labelWidth))\(numbers)" + (showsVerdict ? "  \(node.verdict.rawValue)" : "")
            let role: ThemeRole = accepted.contains(index) ? .draftAccepted : (node.verdict == .rejected ? .draftRejected : .muted)
            guard rows.line(text, style: theme[role], into: &buffer) else { return }
            if node.verdict == .rejected, !node.residualTop.isEmpty {
                let residual = node.residualTop.prefix(4).map { "\(TokenText.label($0.token, vocabulary: vocabulary)) \(Format.fixed($0.probability, 2))" }
                rows.line("    residual: " + residual.joined(separator: "  "), style: theme[.resampled], into: &buffer)
            }
        }
        for token in corrections {
            // The model's own probability, as the lens shows it; the table's p is the target's.
            let p = token.probability.map { " · model p \(Format.fixed($0, 3))" } ?? ""
            rows.line("+ \(TokenText.label(token.token, vocabulary: vocabulary)) \(token.source.words)\(p)",
                      style: theme[Lens.role(for: token.source)], into: &buffer)
        }
        if let grid = trace.jacobi { JacobiGridView(grid: grid, vocabulary: vocabulary).render(into: &buffer, rows: &rows, theme: theme) }
        cost?.renderCeiling(into: &buffer, rows: &rows, theme: theme)
    }

    /// The number columns, right-aligned, each after a space: p in 5 cells, q, p/q and r in 6.
    static func numbers(p: String, q: String, ratio: String, r: String, showingQ: Bool) -> String {
        let columns = [Format.padLeft(p, 5)] + (showingQ ? [Format.padLeft(q, 6)] : []) + [Format.padLeft(ratio, 6), Format.padLeft(r, 6)]
        return columns.map { " " + $0 }.joined()
    }

    static func depth(of index: Int, in nodes: [DraftTreeTrace.Node]) -> Int {
        var depth = 0
        var current = nodes[index].parent
        while let parent = current, nodes.indices.contains(parent), depth < nodes.count {
            depth += 1
            current = nodes[parent].parent
        }
        return depth
    }

    /// Parents before children, siblings in their drafted order.
    static func depthFirstOrder(_ nodes: [DraftTreeTrace.Node]) -> [Int] {
        var children: [Int?: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            let parent = node.parent.flatMap { nodes.indices.contains($0) ? $0 : nil }
            children[parent, default: []].append(index)
        }
        var order: [Int] = []
        var stack = (children[nil] ?? []).reversed().map { $0 }
        while let next = stack.popLast(), order.count < nodes.count {
            order.append(next)
            stack += (children[next] ?? []).reversed()
        }
        return order
    }
}
