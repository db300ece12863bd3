/// A strategy that kept stepping without producing the tokens a losslessness run needs.
public struct StalledStrategy: Error, CustomStringConvertible {
    public var strategy: String
    public var rounds: Int

    public var description: String {
        "\(strategy) committed too few tokens in \(rounds) rounds"
    }
}
