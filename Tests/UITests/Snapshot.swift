import Foundation
import Testing
import UI

/// Compares a frame's text with `__Snapshots__/NAME.txt`. A missing snapshot is recorded and
/// the test fails so it gets reviewed; `SNAPSHOT_RECORD=1` re-records all of them.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.text + "\n"
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "frame differs from __Snapshots__/\(name).txt:\n\(actual)", sourceLocation: sourceLocation)
}
