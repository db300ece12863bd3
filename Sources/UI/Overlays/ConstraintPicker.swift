/// The constraint picker's state: the sample files, "type a path…" and "none"; a path (or a
/// `/regex/`) is typed in place. When the user picked a constrained strategy before loading a
/// constraint, that strategy is switched to once one loads.
public struct ConstraintPicker: Equatable, Sendable {
    public enum Choice: Equatable, Sendable {
        case file(String)
        case typePath
        case none
    }

    public private(set) var choices: [Choice]
    public private(set) var selected: Int
    /// The text typed after choosing "type a path…"; nil while choosing from the list.
    public var typed: String?
    public var thenStrategy: String?

    /// Starts on the file in use (`current`, a path as the constraint's origin names it), else the first.
    public init(files: [String], current: String?, thenStrategy: String? = nil) {
        choices = files.map(Choice.file) + [.typePath, .none]
        selected = files.firstIndex { $0 == current } ?? 0
        self.thenStrategy = thenStrategy
    }

    public var choice: Choice { choices[selected] }

    public mutating func move(by offset: Int) {
        selected = min(choices.count - 1, max(0, selected + offset))
    }
}
