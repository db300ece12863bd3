/// One line of the keymap: the keys, what they do, and how help and the footer describe them.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// The keys as help shows them ("t / T", "1-9").
    public let label: String
    public let help: String
    /// The footer's short word for this binding; nil when it is not in the footer.
    public let hint: String?
    public let section: Section
    private let actions: [Action]

    public enum Section: String, CaseIterable, Sendable {
        case general = "General", run = "Run", strategy = "Strategy & parameters", view = "View"
    }

    /// Every key does the same thing.
    public init(_ keys: [Key], _ action: Action, label: String? = nil, help: String, hint: String? = nil, section: Section) {
        self.init(keys: keys, actions: keys.map { _ in action }, label: label, help: help, hint: hint, section: section)
    }

    /// Each key does its own thing (`actions[i]` for `keys[i]`), described as one line.
    public init(keys: [Key], actions: [Action], label: String? = nil, help: String, hint: String? = nil, section: Section) {
        precondition(keys.count == actions.count, "one action per key")
        self.keys = keys
        self.actions = actions
        self.label = label ?? keys.map(\.label).joined(separator: " ")
        self.help = help
        self.hint = hint
        self.section = section
    }

    public func action(for key: Key) -> Action? {
        keys.firstIndex(of: key).map { actions[$0] }
    }
}
