import Foundation

/// A whole file read with the system calls, so pipes and devices work too (`<(cmd)`,
/// `/dev/stdin`); a failure keeps the system's error code for each caller to word.
public enum FileBytes {
    public struct Failure: Error {
        public let code: Int32
        /// The system's wording ("No such file or directory", "Is a directory").
        public var systemReason: String { String(cString: strerror(code)) }
    }

    public static func read(path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor)
    }

    /// Everything left to read from an open descriptor, which stays open.
    public static func read(descriptor: Int32) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(code: errno) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
