import Decoding
import Foundation
import Inference

/// A trace read back: the header and every event, in order.
public struct TraceFile: Sendable, Equatable {
    public var header: TraceHeader
    public var events: [EngineEvent]

    public init(header: TraceHeader, events: [EngineEvent]) {
        self.header = header
        self.events = events
    }

    public static func read(path: String) throws -> TraceFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TraceError(path: path, line: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws -> TraceFile {
        let decoder = TraceCoding.decoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else { throw TraceError(path: path, line: 1, message: "empty file: expected a trace header") }
        let header: TraceHeader
        do {
            header = try decoder.decode(TraceHeader.self, from: Data(first))
        } catch {
            throw TraceError(path: path, line: 1, message: "not a trace header (\(error))")
        }
        guard header.format == TraceHeader.formatName, header.version == TraceHeader.currentVersion else {
            throw TraceError(path: path, line: 1, message: "format \(header.format) v\(header.version) is not \(TraceHeader.formatName) v\(TraceHeader.currentVersion)")
        }
        var events: [EngineEvent] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            do {
                events.append(try decoder.decode(EngineEvent.self, from: Data(line)))
            } catch {
                throw TraceError(path: path, line: index + 1, message: "not an event (\(error))")
            }
        }
        return TraceFile(header: header, events: events)
    }

    /// The tokens the last run in the trace committed, in order.
    public var generatedTokens: [TokenID] {
        let lastStart = events.lastIndex { if case .started = $0 { true } else { false } } ?? -1
        return events[(lastStart + 1)...].flatMap { event -> [TokenID] in
            guard case .step(let trace) = event else { return [] }
            return trace.committedTokens.map(\.token)
        }
    }

    /// How the last run ended, if it did.
    public var finishReason: FinishReason? {
        for event in events.reversed() { if case .finished(let reason) = event { return reason } }
        return nil
    }
}
