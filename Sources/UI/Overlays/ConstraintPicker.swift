import Decoding

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
    /// Where the files' `samples/` folders were looked for, said when none was found.
    public var searched: String?

    /// Starts on the entry in use, the one marked ●: the file the constraint came from, "none"
    /// without one, and "type a path…" for a constraint typed earlier (a path off the list, a
    /// regex). Opened for a strategy that needs a constraint, it starts on the first file instead.
    public init(files: [String], current: ConstraintSpec?, thenStrategy: String? = nil, searched: String? = nil) {
        let choices = files.map(Choice.file) + [.typePath, .none]
        self.choices = choices
        let inUse: Choice? = if let current {
            current.origin.flatMap { files.contains($0) ? .file($0) : nil } ?? .typePath
        } else {
            thenStrategy == nil ? Choice.none : nil
        }
        selected = inUse.flatMap { choices.firstIndex(of: $0) } ?? 0
        self.thenStrategy = thenStrategy
        self.searched = searched
    }

    public var choice: Choice { choices[selected] }

    /// With no sample file to offer, where they were looked for and what works instead.
    public var hint: [String] {
        guard !choices.contains(where: { if case .file = $0 { true } else { false } }) else { return [] }
        let found = searched.map { ["no sample files found: looked for samples/ in", $0] } ?? ["no sample files found"]
        return found + ["a file path or /regex/ can be typed instead"]
    }

    public mutating func move(by offset: Int) {
        selected = min(choices.count - 1, max(0, selected + offset))
    }
}
