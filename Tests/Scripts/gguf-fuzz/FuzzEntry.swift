// libFuzzer entry for the GGUF reader, compiled together with Sources/Inference/GGUF by run.sh.
// Every input must open or be refused; a file that opens must have every tensor's bytes in range
// (AddressSanitizer catches a read past the buffer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    if let file = try? GGUFFile(file: MappedFile(path: "fuzz.gguf", contents: bytes)) {
        for tensor in file.tensors {
            let data = file.data(of: tensor)
            _ = (data.first, data.last)
        }
    }
    return 0
}
