import Foundation
import Inference

/// The one place every model-using command gets its model: `-m PATH`, then `$DECODELAB_MODEL`,
/// then the cache; when none is there the default model is fetched (stage lines and pip's
/// progress on stderr), unless `--offline`.
enum ModelLoader {
    static func resolvePath(explicit: String?, offline: Bool) async throws -> String {
        if let path = DefaultModel.resolve(explicitPath: explicit) { return path }
        let fetcher = ModelFetcher(progress: reportProgress)
        return try fetcher.fetch(offline: offline).url.path
    }

    /// A path when one is given or cached, without fetching: for commands that only inspect a file.
    static func existingPath(explicit: String?) throws -> String {
        guard let path = DefaultModel.resolve(explicitPath: explicit) else {
            throw ModelFetchError("no model given and the default model is not in \(DefaultModel.cacheDirectory().path); pass -m FILE, set $DECODELAB_MODEL, or run `decodelab fetch-model`")
        }
        return path
    }

    /// Opens the model, its tokenizer and the forward pass. `threads` nil means one per core.
    static func load(explicit: String?, offline: Bool, threads: Int?, activations: ActivationPrecision = .f32) async throws -> LoadedModel {
        let path = try await resolvePath(explicit: explicit, offline: offline)
        let gguf = try GGUFFile(path: path)
        let tokenizer = try Tokenizer(gguf: gguf)
        let model = try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                   activations: activations)
        let slowTypes = model.typesWithoutIntegerKernel
        if activations == .q8, !slowTypes.isEmpty {
            Console.err("decodelab: warning: --activations q8 has integer kernels for Q4_1 and Q8_0 matrices only; "
                        + "this model's \(slowTypes.joined(separator: ", ")) matrices keep f32 activations\n")
        }
        return LoadedModel(path: path, gguf: gguf, tokenizer: tokenizer, model: model)
    }

    @Sendable static func reportProgress(_ line: String) {
        Console.err("decodelab: \(line)\n")
    }
}
