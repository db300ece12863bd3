/// What is drawn over the main screen and gets the keys first.
public enum Overlay: Equatable, Sendable {
    case help
    case promptEditor(PromptEditor)
    /// The highlighted row of the strategy list.
    case strategyPicker(selected: Int)
    /// The same list, choosing the strategy to compare with (`C`).
    case comparisonPicker(selected: Int)
    case tokenDetail
    case constraintPicker(ConstraintPicker)

    /// Whether printable keys are text here (a prompt, a constraint path): `q` is a letter then.
    var takesText: Bool {
        switch self {
        case .promptEditor, .constraintPicker: true
        case .help, .strategyPicker, .comparisonPicker, .tokenDetail: false
        }
    }
}
