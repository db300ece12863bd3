import Foundation

/// Why a trace line did not decode, naming the field: what `DecodingError` says, and for a
/// number too large or of the wrong sign for its field (which the decoder reports only as
/// "not valid JSON") the field found by replacing numbers until the line decodes.
struct TraceLineFailure<Value: Decodable> {
    var line: Data

    func message(for error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "field \(Self.path(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context):
            return "field \(Self.path(context.codingPath)) is null"
        case .typeMismatch(_, let context):
            return "field \(Self.path(context.codingPath)): \(Self.sentence(context.debugDescription))"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "field \(Self.path(context.codingPath)): \(Self.unknownCase(context.debugDescription) ?? Self.sentence(context.debugDescription))"
        case .dataCorrupted:
            return unfitNumber() ?? syntaxError()
        @unknown default:
            return "\(error)"
        }
    }

    /// A dotted path as the JSON is written: `configuration.prompt[3]`.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }

    /// Foundation's words for a string none of an enum's cases has ("Cannot initialize
    /// ActivationPrecision from invalid String value q9") name a Swift type no user has seen.
    private static func unknownCase(_ text: String) -> String? {
        guard text.hasPrefix("Cannot initialize "), let invalid = text.range(of: " from invalid "),
              let value = text.range(of: " value ", range: invalid.upperBound..<text.endIndex) else { return nil }
        return "unknown value '\(text[value.upperBound...])'"
    }

    private static func sentence(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    private func syntaxError() -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: line)
            return "a value does not fit its field"
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return "not valid JSON" + (reason.map { " (\($0))" } ?? "")
        }
    }

    /// The valid JSON number the decoder refused, with why. Numbers are set to 0 one after
    /// another (0 fits every numeric field) until the line decodes: the last one set is at fault.
    private func unfitNumber() -> String? {
        guard var tree = try? JSONSerialization.jsonObject(with: line) else { return nil }
        for leaf in Self.numberPaths(in: tree, at: []) {
            guard let number = Self.value(in: tree, at: leaf[...]) as? NSNumber else { continue }
            tree = Self.replacing(in: tree, at: leaf[...], with: 0)
            guard decodes(tree) else { continue }
            let field = "field \(Self.path(leaf)) = \(number)"
            let value = number.doubleValue
            if value != value.rounded() { return "\(field) is not a whole number" }
            if value < 0, !decodes(Self.replacing(in: tree, at: leaf[...], with: -1)) { return "\(field) is negative; the field holds 0 or more" }
            return "\(field) is too \(value < 0 ? "small" : "large") for the field"
        }
        return nil
    }

    /// False only for the failure `unfitNumber` looks for; any other error means the number
    /// just replaced was the one refused.
    private func decodes(_ tree: Any) -> Bool {
        guard let data = try? JSONSerialization.data(withJSONObject: tree) else { return false }
        do {
            _ = try TraceCoding.decoder().decode(Value.self, from: data)
            return true
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            return false
        } catch {
            return true
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    /// Every number's path, in document order for arrays. Booleans also arrive as NSNumber;
    /// their Objective-C type is `c` (char), which JSON numbers never get.
    private static func numberPaths(in node: Any, at path: [Key]) -> [[Key]] {
        switch node {
        case let object as [String: Any]:
            object.keys.sorted().flatMap { numberPaths(in: object[$0] as Any, at: path + [Key(stringValue: $0)]) }
        case let array as [Any]:
            array.enumerated().flatMap { numberPaths(in: $0.element, at: path + [Key(intValue: $0.offset)]) }
        case let number as NSNumber where String(cString: number.objCType) != "c":
            [path]
        default:
            []
        }
    }

    private static func value(in node: Any, at path: ArraySlice<Key>) -> Any? {
        guard let key = path.first else { return node }
        if let index = key.intValue, let array = node as? [Any], array.indices.contains(index) {
            return value(in: array[index], at: path.dropFirst())
        }
        if let object = node as? [String: Any], let child = object[key.stringValue] {
            return value(in: child, at: path.dropFirst())
        }
        return nil
    }

    private static func replacing(in node: Any, at path: ArraySlice<Key>, with number: Int) -> Any {
        guard let key = path.first else { return number }
        if let index = key.intValue, var array = node as? [Any], array.indices.contains(index) {
            array[index] = replacing(in: array[index], at: path.dropFirst(), with: number)
            return array
        }
        if var object = node as? [String: Any], let child = object[key.stringValue] {
            object[key.stringValue] = replacing(in: child, at: path.dropFirst(), with: number)
            return object
        }
        return node
    }
}
