/// One losslessness check's verdict, as `decodelab selftest` prints it.
public struct LosslessnessResult: Sendable, Equatable {
    public var strategy: String
    public var configuration: String
    public var fit: GoodnessOfFit
    public var seconds: Double

    public var passed: Bool { fit.passed }
}
