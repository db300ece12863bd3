import Foundation
import Inference

/// Reference data produced by other implementations, read in place from `../shared/golden`.
public enum GoldenData {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let directory: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/golden")

    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// The default model, as a user gets it (`decodelab fetch-model`); tests that need it fail
    /// with this message when it is absent rather than silently skipping.
    public static func defaultModelPath() throws -> String {
        guard let path = DefaultModel.resolve(explicitPath: nil) else {
            throw MissingModel()
        }
        return path
    }

    public struct MissingModel: Error, CustomStringConvertible {
        public var description: String {
            "the default model is not in \(DefaultModel.cacheDirectory().path); run `swift run -c release decodelab fetch-model` first"
        }
    }
}
