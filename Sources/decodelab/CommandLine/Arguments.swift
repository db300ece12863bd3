/// A parsed command line: flags with values, boolean switches and positionals, checked against
/// what the command declares so every mistake names the flag at fault.
struct Arguments {
    private(set) var values: [String: String] = [:]
    private(set) var switches: Set<String> = []
    private(set) var positionals: [String] = []
    /// How each given flag was spelled (`--temperature` or `--temp`), by canonical name.
    private var spellings: [String: String] = [:]

    /// - Parameters:
    ///   - valued: flags that take a value, each with its aliases (e.g. ["-m", "--model"]); the
    ///     last alias is the canonical name used for lookups.
    ///   - switches: flags without a value, likewise.
    init(_ arguments: [String], valued: [[String]], switches switchNames: [[String]]) throws(CommandLineError) {
        var canonical: [String: (name: String, takesValue: Bool)] = [:]
        for aliases in valued { for alias in aliases { canonical[alias] = (aliases.last ?? alias, true) } }
        for aliases in switchNames { for alias in aliases { canonical[alias] = (aliases.last ?? alias, false) } }
        var index = 0
        while index < arguments.count {
            let typed = arguments[index]
            var argument = typed
            index += 1
            if argument == "--" {
                positionals += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1, Double(argument) == nil else {
                positionals.append(argument)
                continue
            }
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            guard let flag = canonical[argument] else { throw .unknownFlag(argument) }
            spellings[flag.name] = argument
            if flag.takesValue {
                let value: String
                // The argument that holds the value, and where in its bytes the value starts.
                let holder: (argument: String, start: Int)
                if let inlineValue {
                    value = inlineValue
                    holder = (typed, argument.utf8.count + 1)
                } else {
                    // `--top-k --temp 0` or `-s -n 2`: the value was forgotten, and taking the
                    // next flag as it would blame the number left over.
                    guard index < arguments.count, !Self.namesFlag(arguments[index], in: canonical) else { throw .missingValue(argument) }
                    value = arguments[index]
                    holder = (value, 0)
                    index += 1
                }
                if let invalid = RawArguments.invalidUTF8(in: holder.argument) {
                    throw .notUTF8(flag: argument, InvalidUTF8(byte: invalid.byte, offset: invalid.offset - holder.start))
                }
                if value.isEmpty, Self.pathFlags.contains(flag.name) { throw .emptyPath(flag: argument) }
                values[flag.name] = value
            } else {
                guard inlineValue == nil else { throw .unexpectedValue(argument) }
                switches.insert(flag.name)
            }
        }
    }

    /// Flags whose value names a file, by canonical name. An empty path (`-m ""`, an unset
    /// shell variable) would reach open(2) and fail as "decodelab: : cannot open", naming
    /// neither the flag nor the file; checked while parsing, it is named before anything loads.
    private static let pathFlags: Set<String> = [
        "--model", "--file", "--events", "--grammar-file", "--json-schema", "--input-file", "--instance",
        "--prompt-file", "--scenario", "--dump-frame",
    ]

    /// True for one of the command's flags: `-n`, `--NAME` or `--NAME=VALUE`.
    private static func namesFlag(_ argument: String, in flags: [String: (name: String, takesValue: Bool)]) -> Bool {
        flags[argument] != nil || (argument.hasPrefix("--") && flags[String(argument.prefix { $0 != "=" })] != nil)
    }

    func string(_ flag: String) -> String? { values[flag] }

    /// The flag as the user typed it, for messages about it; its canonical name if not given.
    func spelling(of flag: String) -> String { spellings[flag] ?? flag }

    func has(_ flag: String) -> Bool { switches.contains(flag) }

    /// The first of `flags` (canonical names, valued or switches) that was given, as typed.
    func firstGiven(_ flags: [String]) -> String? {
        flags.first { values[$0] != nil || switches.contains($0) }.map(spelling(of:))
    }

    func int(_ flag: String, in range: ClosedRange<Int>? = nil) throws(CommandLineError) -> Int? {
        guard let text = values[flag] else { return nil }
        let value = Int(text)
        // A number too long for Int is out of range, not "not an integer".
        if let range, value.map({ !range.contains($0) }) ?? Self.isWholeNumber(text) {
            throw .invalidValue(flag: flag, value: text, expected: "within \(range.lowerBound)…\(range.upperBound)")
        }
        guard let value else { throw .invalidValue(flag: flag, value: text, expected: "an integer") }
        return value
    }

    func double(_ flag: String) throws(CommandLineError) -> Double? {
        guard let text = values[flag] else { return nil }
        guard let value = Double(text), value.isFinite else { throw .invalidValue(flag: flag, value: text, expected: "a number") }
        return value
    }

    func uint64(_ flag: String) throws(CommandLineError) -> UInt64? {
        guard let text = values[flag] else { return nil }
        guard let value = UInt64(text) else {
            let tooLarge = Self.isWholeNumber(text) && !text.hasPrefix("-")
            throw .invalidValue(flag: flag, value: text, expected: tooLarge ? "within 0…\(UInt64.max)" : "a non-negative integer")
        }
        return value
    }

    /// An optional sign and decimal digits, whatever their count.
    private static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}

enum CommandLineError: Error, CustomStringConvertible {
    case unknownFlag(String)
    case missingValue(String)
    case unexpectedValue(String)
    case invalidValue(flag: String, value: String, expected: String)
    case unexpectedArgument(String)
    case missing(String)
    case unsupported(String)
    case unreadableFile(flag: String, path: String, reason: String)
    case emptyPath(flag: String)
    /// The value's bytes, as given, are not UTF-8 (Swift would have replaced them with U+FFFD).
    case notUTF8(flag: String, InvalidUTF8)
    /// A positional argument that names a file, given as "": `what` is the file's kind.
    case emptyArgument(what: String)

    var description: String {
        switch self {
        case .unknownFlag(let flag): "unknown option \(flag)"
        case .missingValue(let flag): "option \(flag) needs a value"
        case .unexpectedValue(let flag): "option \(flag) takes no value"
        case .invalidValue(let flag, let value, let expected): "option \(flag): '\(value)' is not \(expected)"
        case .unexpectedArgument(let argument): "unexpected argument '\(argument)'"
        case .missing(let what): "missing \(what)"
        case .unsupported(let why): why
        case .unreadableFile(let flag, let path, let reason): "option \(flag): cannot read '\(path)': \(reason)"
        case .emptyPath(let flag): "option \(flag): the path is empty"
        case .notUTF8(let flag, let invalid): "option \(flag): the value is not UTF-8 text (\(invalid))"
        case .emptyArgument(let what): "the \(what) path is empty"
        }
    }
}
