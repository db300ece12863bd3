import Foundation

/// Finds and loads theme files: `--theme NAME` looks for `NAME.json` in the Themes folders,
/// `--theme PATH.json` loads that file.
public struct ThemeLibrary: Sendable {
    public static let defaultName = "dark"
    public let directories: [URL]

    public init(directories: [URL]) {
        self.directories = directories
    }

    /// `$DECODELAB_THEMES`, then a `Themes` folder beside the executable or any of its
    /// ancestors (the source checkout for `swift run`), then one in the working directory.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLibrary {
        var candidates: [URL] = []
        if let explicit = environment["DECODELAB_THEMES"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent("Themes"))
            folder.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        var isDirectory: ObjCBool = false
        var seen: Set<String> = []
        let existing = candidates.map(\.standardizedFileURL).filter {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue && seen.insert($0.path).inserted
        }
        return ThemeLibrary(directories: existing)
    }

    /// The theme a session starts with: `requested`, else monochrome when `NO_COLOR` is set or
    /// the terminal has no colours, else high-contrast on 8/16-colour terminals (whose greys
    /// would collapse into the background), else the default. A missing theme file degrades to
    /// monochrome rather than failing.
    public func initial(
        requested: String?, colorDepth: ColorDepth = .indexed256, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ThemeError) -> Theme {
        if let requested { return try load(requested) }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let name = switch colorDepth {
        case .monochrome: Theme.monochrome.name
        case .ansi8, .ansi16: "high-contrast"
        case .indexed256: ThemeLibrary.defaultName
        }
        do {
            return try load(name)
        } catch .notFound {
            return .monochrome
        }
    }

    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let url: URL
        if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
            url = URL(fileURLWithPath: nameOrPath)
        } else if let found = directories.map({ $0.appendingPathComponent(nameOrPath + ".json") })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            url = found
        } else if nameOrPath == Theme.monochrome.name {
            return .monochrome
        } else {
            throw .notFound(name: nameOrPath, searched: directories.map(\.path))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .notFound(name: nameOrPath, searched: [url.path])
        }
        return try ThemeFile.decode(data, source: url.path).theme(over: .monochrome, source: url.path)
    }

    /// Names of the theme files available, sorted, for cycling.
    public var names: [String] {
        let files = directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
        return Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }).sorted()
    }
}
