/// The panes that can take focus (Tab) and be zoomed (Enter).
public enum Pane: String, CaseIterable, Sendable {
    case text, inspector, timeline

    public func moved(by offset: Int) -> Pane {
        let all = Pane.allCases
        let index = ((all.firstIndex(of: self) ?? 0) + offset) % all.count
        return all[(index + all.count) % all.count]
    }
}
