/// Bytes made safe to show in a terminal: valid UTF-8 stays as it is, control characters and
/// the backslash are escaped, and bytes that do not form complete UTF-8 appear as `\xNN`.
public enum DisplayText {
    public static func escaping(_ bytes: some Collection<UInt8>) -> String {
        Array(bytes).withUnsafeBufferPointer { buffer in
            var out = ""
            var i = 0
            while i < buffer.count {
                let (value, length) = UTF8Scalar.decode(buffer, at: i)
                if let value, let scalar = Unicode.Scalar(value) {
                    append(scalar, to: &out)
                } else {
                    out += "\\x" + hex(buffer[i])
                }
                i += length
            }
            return out
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\\": out += "\\\\"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
