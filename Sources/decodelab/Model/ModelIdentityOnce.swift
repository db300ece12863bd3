import Engine

/// A model file's identity for trace headers, worked out on first use and kept. A model other
/// than the known default is hashed in full (seconds for a large file): once per session, and
/// only if a trace is ever saved.
actor ModelIdentityOnce {
    private let path: String
    private var known: ModelIdentity?

    init(path: String) {
        self.path = path
    }

    func value() throws -> ModelIdentity {
        if let known { return known }
        let identity = try ModelIdentity.describe(path: path, hashing: true)
        known = identity
        return identity
    }
}
