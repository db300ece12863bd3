import Foundation
import Inference

/// Which model file a trace was recorded with.
public struct ModelIdentity: Sendable, Codable, Equatable {
    public var path: String
    public var fileName: String
    public var byteCount: Int
    /// Hex SHA-256 of the file; nil when it was not computed.
    public var sha256: String?

    public init(path: String, fileName: String, byteCount: Int, sha256: String?) {
        self.path = path
        self.fileName = fileName
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    /// Describes the file at `path`, named by its absolute path so a trace replays from any
    /// working directory. The default model's digest is known, so it is taken from
    /// `DefaultModel` when name and size match; other files are hashed when `hashing` allows.
    public static func describe(path: String, hashing: Bool) throws -> ModelIdentity {
        let url = URL(fileURLWithPath: path).absoluteURL
        // The attributes of a symlink are its own: the size is the file's it points to.
        let size = (try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)[.size] as? NSNumber)?.intValue ?? 0
        let name = url.lastPathComponent
        let digest: String? = if name == DefaultModel.fileName, size == DefaultModel.byteCount {
            DefaultModel.sha256
        } else if hashing {
            try SHA256.hexDigest(ofFile: url)
        } else {
            nil
        }
        return ModelIdentity(path: url.path, fileName: name, byteCount: size, sha256: digest)
    }

    /// Why the file at `path` is not this model: its SHA-256 differs from the recorded one. Nil
    /// when it matches or no digest was recorded. The file is hashed in full, since one named
    /// and sized like the default model may still have other bytes.
    public func difference(fromFileAt path: String) throws -> String? {
        guard let sha256 else { return nil }
        let digest = try SHA256.hexDigest(ofFile: URL(fileURLWithPath: path))
        return digest == sha256 ? nil : "the trace was recorded with model sha256 \(sha256) (\(fileName)); \(path) has sha256 \(digest)"
    }
}
