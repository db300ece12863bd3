import Decoding

/// Every strategy parameter as a flag, in one table for `generate` and the TUI: `--NAME VALUE`
/// for each parameter any strategy in the catalog declares (`--draft-length 6`,
/// `--particles 8`, ...), plus llama.cpp's spellings where they differ (`--temp`, `--typical`,
/// `--repeat-last-n`). Values are checked against the parameter's range, and must be whole
/// numbers when the parameter moves in whole steps.
enum StrategyParameterFlags {
    static let llamaAliases: [String: String] = ["temperature": "--temp", "typical-p": "--typical", "penalty-window": "--repeat-last-n"]

    static var descriptors: [ParameterDescriptor] { StrategyCatalog.allParameters }

    /// For `Arguments`: each parameter's spellings; llama.cpp's, where there is one, is the
    /// canonical (last) one that errors name.
    static var valued: [[String]] {
        descriptors.map { ["--" + $0.name, llamaAliases[$0.name]].compactMap { $0 } }
    }

    private static func flag(_ descriptor: ParameterDescriptor) -> String {
        llamaAliases[descriptor.name] ?? "--" + descriptor.name
    }

    /// Sets every parameter given on the command line; returns the names set, each with its
    /// flag as typed.
    @discardableResult
    static func apply(_ parsed: Arguments, to parameters: inout DecodingParameters) throws -> [(name: String, flag: String)] {
        var set: [(name: String, flag: String)] = []
        for descriptor in descriptors {
            let flag = flag(descriptor)
            guard let value = try parsed.double(flag) else { continue }
            let text = parsed.string(flag) ?? "\(value)"
            guard descriptor.range.contains(value) else {
                throw CommandLineError.invalidValue(flag: flag, value: text, expected: "within \(descriptor.rangeText)")
            }
            guard !descriptor.isWholeNumber || value == value.rounded() else {
                throw CommandLineError.invalidValue(flag: flag, value: text, expected: "a whole number")
            }
            parameters.set(descriptor.name, to: value)
            set.append((descriptor.name, parsed.spelling(of: flag)))
        }
        return set
    }

    /// Refuses a count of layers the model cannot serve (`--exit-layer 64` on a 30-layer model),
    /// which the strategy would otherwise quietly replace by another layer. With `strategy`,
    /// only its own parameters: the others are unused (and said to be).
    static func checkLayers(_ parameters: DecodingParameters, layerCount: Int, of strategy: StrategyDescriptor? = nil) throws {
        guard let beyond = parameters.layerCountBeyondModel(of: layerCount, among: strategy?.parameters ?? descriptors) else { return }
        throw CommandLineError.invalidValue(
            flag: flag(beyond.descriptor), value: String(Int(beyond.value)),
            expected: "within \(Int(beyond.allowed.lowerBound))…\(Int(beyond.allowed.upperBound)) on this model of \(layerCount) layers")
    }

    /// The flags for a usage text, one line each: "--draft-length N  tokens drafted per round (1-16)".
    static var usage: String {
        descriptors.map { descriptor in
            let names = ["--" + descriptor.name, llamaAliases[descriptor.name]].compactMap { $0 }.joined(separator: ", ")
            return "      " + names.padding(toLength: 34, withPad: " ", startingAt: 0) + " \(descriptor.summary) (\(descriptor.rangeText))"
        }.joined(separator: "\n")
    }
}
