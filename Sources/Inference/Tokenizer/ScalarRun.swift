/// The kinds of same-class runs the pre-tokenizer regexes match: `\p{L}+`, `\p{N}+`, `[^\s\p{L}\p{N}]+`.
enum ScalarRun {
    case letters, numbers, others

    /// The run a scalar of this class starts, tested in the regex's order; nil for whitespace.
    init?(startingWith scalarClass: ScalarClass) {
        if scalarClass.isLetter {
            self = .letters
        } else if scalarClass.isNumber {
            self = .numbers
        } else if scalarClass.isOther {
            self = .others
        } else {
            return nil
        }
    }

    @inline(__always)
    func includes(_ scalarClass: ScalarClass) -> Bool {
        switch self {
        case .letters: scalarClass.isLetter
        case .numbers: scalarClass.isNumber
        case .others: scalarClass.isOther
        }
    }
}
