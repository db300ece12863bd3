import Foundation
import Testing
@testable import Inference

@Suite struct SHA256Tests {
    /// FIPS 180-4 example messages (NIST CSRC examples).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test func aMillionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding a message in two pieces, split anywhere, gives the one-shot digest.
    @Test func splitFeedsAgree() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = SHA256.hexDigest(of: message)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            #expect(hasher.hexDigest() == whole, "split at \(split)")
        }
    }

    /// Every length around the padding boundaries, against coreutils' sha256sum, via files.
    @Test func agreesWithSha256sumAroundBlockBoundaries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lengths = Array(0...130)
        var files: [String] = []
        for length in lengths {
            let url = folder.appendingPathComponent("\(length)")
            try Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(to: url)
            files.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"] + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = text.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(expected.count == lengths.count)
        for (file, digest) in zip(files, expected) {
            #expect(try SHA256.hexDigest(ofFile: URL(fileURLWithPath: file)) == digest, "\(file)")
        }
    }
}
