import Decoding
import Foundation

extension ConstraintSpec {
    /// What the header and notices call it: the file name, or a regex as `/pattern/`.
    public var displayName: String {
        if kind == .regex, origin.map({ $0.hasPrefix("/") && $0.hasSuffix("/") || $0.hasPrefix("-") }) ?? true {
            let pattern = source.count > 24 ? String(source.prefix(23)) + "…" : source
            return "/\(Printable.text(pattern))/"
        }
        return origin.map { URL(fileURLWithPath: $0).lastPathComponent } ?? kind.rawValue
    }
}
