import Foundation

/// Entropies are kept in nats; screens that prefer bits convert here.
public enum Nats {
    public static func toBits(_ nats: Double) -> Double { nats / log(2) }
}
