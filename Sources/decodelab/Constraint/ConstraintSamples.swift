import Decoding
import Foundation
import UI

/// The constraint files the TUI's picker offers: `samples/grammars/*.gbnf`,
/// `samples/schemas/*.json` (not the `*.instance.json` example instances) and
/// `samples/regexes/*.regex`, from the working directory and from the source checkout the
/// executable was built in (`swift run` puts it a few folders below the repository).
enum ConstraintSamples {
    static let folders = ["samples/grammars", "samples/schemas", "samples/regexes"]

    static func files(workingDirectory: String = FileManager.default.currentDirectoryPath,
                      executable: String = CommandLine.arguments.first ?? ".") -> [String] {
        var roots = [URL(fileURLWithPath: workingDirectory)]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            roots.append(folder)
            folder.deleteLastPathComponent()
        }
        var seen: Set<String> = []
        var found: [String] = []
        for root in roots {
            for sub in folders {
                let directory = root.appendingPathComponent(sub).standardizedFileURL
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
                for name in names.sorted() where isConstraint(name) {
                    let path = directory.appendingPathComponent(name).path
                    // The same file reached from two roots is listed once.
                    if seen.insert(path).inserted { found.append(relative(path, to: workingDirectory)) }
                }
            }
        }
        return found
    }

    /// Where `files` looks, for the picker to say when it finds nothing.
    static func searched(workingDirectory: String = FileManager.default.currentDirectoryPath,
                         executable: String = CommandLine.arguments.first ?? ".") -> String {
        let folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
        return "\(workingDirectory), \(folder) or a folder above it"
    }

    static func isConstraint(_ name: String) -> Bool {
        guard !name.hasSuffix(".instance.json") else { return false }
        return ConstraintSpec.Kind.forFile(name) != nil
    }

    /// Paths under the working directory are shown relative to it: shorter, and what a user types.
    private static func relative(_ path: String, to directory: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
