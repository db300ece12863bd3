#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file. Weights stay in the page cache, shared and lazily loaded.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    public let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    public init(path: String) throws(GGUFError) {
        self.path = path
        isMapped = true
        // O_NONBLOCK: opening a FIFO by mistake must fail on the regular-file check, not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw GGUFError(path: path, offset: nil, problem: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw GGUFError(path: path, offset: nil, problem: "cannot stat: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw GGUFError(path: path, offset: nil, problem: "not a regular file") }
        let size = Int(info.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let address, address != MAP_FAILED else {
            throw GGUFError(path: path, offset: nil, problem: "cannot map: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// A file that exists only in memory (a copy of `contents`), for files built or mutated by
    /// tests without touching the disk. `path` is only used to name it in errors.
    public init(path: String, contents: some Collection<UInt8>) {
        self.path = path
        isMapped = false
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: contents.count, alignment: 64)
        _ = copy.initializeMemory(as: UInt8.self, from: contents)
        bytes = UnsafeRawBufferPointer(copy)
    }

    deinit {
        if isMapped {
            if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        } else {
            UnsafeMutableRawBufferPointer(mutating: bytes).deallocate()
        }
    }
}
