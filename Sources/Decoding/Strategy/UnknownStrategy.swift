public struct UnknownStrategy: Error, CustomStringConvertible, Equatable {
    public var name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String {
        "unknown strategy '\(name)' (known: \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", ")))"
    }
}
