import Foundation

/// The program's arguments as the kernel passed them. `CommandLine.arguments` repairs bytes
/// that are not UTF-8 into U+FFFD, so `-p $'\xff'` would silently prompt with a replacement
/// character; these bytes let the parser refuse such a value as `-f` refuses such a file.
enum RawArguments {
    /// Each argument that is not UTF-8, keyed by the repaired String the program was given.
    /// Keyed by text rather than position because commands see slices of the arguments; only
    /// an argument typed as a literal U+FFFD identical to a repaired one could be mistaken.
    private static let invalid: [String: InvalidUTF8] = {
        var invalid: [String: InvalidUTF8] = [:]
        for index in 0..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            // CChar is signed on some platforms: keep the bits.
            let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(truncatingIfNeeded: $0) }
            if let failure = InvalidUTF8.first(in: bytes) { invalid[String(decoding: bytes, as: UTF8.self)] = failure }
        }
        return invalid
    }()

    /// Where `argument`, as the program received it, stopped being UTF-8 on the command line.
    static func invalidUTF8(in argument: String) -> InvalidUTF8? {
        invalid[argument]
    }
}
