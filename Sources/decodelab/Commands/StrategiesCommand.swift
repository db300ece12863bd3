import Decoding
import Foundation

/// `decodelab strategies`: the strategy catalog, for people or (`--json`) for scripts.
enum StrategiesCommand: Command {
    static let name = "strategies"
    static let summary = "list the decoding strategies (name, family, lossless, description)"
    static let usage = """
    usage: decodelab strategies [--json]

    Lists every decoding strategy, one line each. A strategy is lossless when its output
    distribution is exactly the model's (after the sampler chain), or token-identical to greedy
    at temperature 0.

      --json   print a JSON array of objects with name, family, lossless and description

    """

    struct Listing: Encodable {
        var name: String
        var family: StrategyFamily
        var lossless: Bool
        var description: String
    }

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, valued: [], switches: [["--json"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        let descriptors = StrategyCatalog.descriptors
        let output: Data
        if parsed.has("--json") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = try encoder.encode(descriptors.map { Listing(name: $0.name, family: $0.family, lossless: $0.lossless, description: $0.description) }) + Data("\n".utf8)
        } else {
            let nameWidth = descriptors.map(\.name.count).max() ?? 0
            let familyWidth = descriptors.map(\.family.rawValue.count).max() ?? 0
            output = Data(descriptors.map { descriptor in
                descriptor.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    + descriptor.family.rawValue.padding(toLength: familyWidth, withPad: " ", startingAt: 0) + "  "
                    + (descriptor.lossless ? "lossless" : "lossy   ") + "  " + descriptor.description + "\n"
            }.joined().utf8)
        }
        Console.out(output)
        return 0
    }
}
