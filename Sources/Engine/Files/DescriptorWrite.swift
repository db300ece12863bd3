import Foundation

/// Writes bytes to a file descriptor with the system call, as `FileBytes` reads them: a
/// failure (a full disk, a closed descriptor) is a reason to report, where Foundation's
/// `FileHandle.write` would crash the process.
public enum DescriptorWrite {
    /// Writes all of `bytes`, retrying after signals; the system's reason when it cannot.
    public static func all(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> String? {
        let contiguous = Array(bytes)
        return contiguous.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return String(cString: strerror(errno)) }
                offset += written
            }
            return nil
        }
    }
}
