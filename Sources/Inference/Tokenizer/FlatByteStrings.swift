/// Many short byte strings in one buffer (one allocation instead of one per token).
struct FlatByteStrings: Sendable {
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]

    init(expectedBytes: Int) {
        storage.reserveCapacity(expectedBytes)
    }

    var count: Int { starts.count - 1 }

    mutating func append(_ bytes: [UInt8]) {
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
    }

    subscript(index: Int) -> ArraySlice<UInt8> {
        storage[starts[index]..<starts[index + 1]]
    }
}
