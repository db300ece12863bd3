import Decoding

/// Why a scenario file cannot be used; each case names the file.
public enum ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(String)
    case malformed(path: String, reason: String)
    case unknownStrategy(path: String, name: String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .malformed(let path, let reason): "\(path): \(reason)"
        case .unknownStrategy(let path, let name):
            "\(path): unknown strategy '\(name)' (known: \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", ")))"
        }
    }
}
