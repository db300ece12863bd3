import Decoding
import Foundation
import Inference

/// A trace read back: the header and every event, in order.
public struct TraceFile: Sendable, Equatable {
    public var header: TraceHeader
    public var events: [EngineEvent]
    /// True when the file ended in the middle of an event line (the recording was killed while
    /// writing it); that line is left out.
    public var endsMidLine: Bool
    /// The line of the file each event was read from, to name a line whose fault only the model
    /// reveals (a token outside its vocabulary).
    public var eventLines: [Int]

    /// `eventLines` nil means the events follow the header line by line, as the writer writes them.
    public init(header: TraceHeader, events: [EngineEvent], eventLines: [Int]? = nil, endsMidLine: Bool = false) {
        self.header = header
        self.events = events
        self.eventLines = eventLines ?? events.indices.map { $0 + 2 }
        self.endsMidLine = endsMidLine
    }

    public static func read(path: String) throws -> TraceFile {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            throw TraceError(path: path, line: nil, message: "cannot read the file: \(error.systemReason)")
        }
        return try parse(Data(bytes), path: path)
    }

    public static func parse(_ data: Data, path: String) throws -> TraceFile {
        let decoder = TraceCoding.decoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Nothing to point a line number at: the whole file is missing its trace.
        guard lines.contains(where: { !$0.isEmpty }) else {
            throw TraceError(path: path, line: nil, message: "\(data.isEmpty ? "the file is empty" : "the file holds only blank lines"): expected a trace header")
        }
        guard let first = lines.first, !first.isEmpty else { throw TraceError(path: path, line: 1, message: "a blank line: expected a trace header") }
        let header: TraceHeader
        do {
            header = try decoder.decode(TraceHeader.self, from: Data(first))
        } catch {
            throw TraceError(path: path, line: 1, message: "not a trace header: \(TraceLineFailure<TraceHeader>(line: Data(first)).message(for: error))")
        }
        guard header.format == TraceHeader.formatName, header.version == TraceHeader.currentVersion else {
            throw TraceError(path: path, line: 1, message: "format \(header.format) v\(header.version) is not \(TraceHeader.formatName) v\(TraceHeader.currentVersion)")
        }
        if let refused = header.configuration.refusedSetting(under: "configuration") {
            throw TraceError(path: path, line: 1, message: refused)
        }
        var events: [EngineEvent] = []
        var eventLines: [Int] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            do {
                events.append(try decoder.decode(EngineEvent.self, from: Data(line)))
                eventLines.append(index + 1)
            } catch {
                // Every line the writer finishes ends with a newline: an unreadable last line
                // without one was cut off mid-write, and the trace is incomplete, not damaged.
                if index == lines.count - 1 { return TraceFile(header: header, events: events, eventLines: eventLines, endsMidLine: true) }
                throw TraceError(path: path, line: index + 1, message: "not an event: \(TraceLineFailure<EngineEvent>(line: Data(line)).message(for: error))")
            }
        }
        return TraceFile(header: header, events: events, eventLines: eventLines)
    }

    /// The events of the last run in the trace: from its `started` on (all of them when none).
    private var lastRun: ArraySlice<EngineEvent> {
        let lastStart = events.lastIndex { if case .started = $0 { true } else { false } } ?? -1
        return events[(lastStart + 1)...]
    }

    /// The tokens the last run in the trace committed, in order.
    public var generatedTokens: [TokenID] {
        lastRun.flatMap { event -> [TokenID] in
            guard case .step(let trace) = event else { return [] }
            return trace.committedTokens.map(\.token)
        }
    }

    /// The first token the last run committed outside a vocabulary of `size` tokens (a
    /// hand-edited or damaged trace), with the line holding it; nil when every one fits. The
    /// tokenizer decodes such a token to nothing, so printed text would silently lack it.
    public func committedTokenRefused(vocabularySize size: Int) -> (line: Int, message: String)? {
        var generated = 0
        for index in lastRun.indices {
            guard case .step(let trace) = events[index] else { continue }
            for committed in trace.committedTokens {
                guard committed.token >= 0, Int(committed.token) < size else {
                    return (eventLines[index], "generated token \(generated) = \(committed.token) is outside the vocabulary 0…\(size - 1)")
                }
                generated += 1
            }
        }
        return nil
    }

    /// How the last run ended; nil when the recording stopped before it did (Ctrl-C, a cut
    /// file, a TUI save mid-run), so its tokens are only a prefix of the run's.
    public var finishReason: FinishReason? {
        for event in lastRun.reversed() { if case .finished(let reason) = event { return reason } }
        return nil
    }

    /// The message of a `failed` event that ended the last run (damaged weights, a dead
    /// constraint): the run ended, but not with a finish reason.
    public var failure: String? {
        for event in lastRun.reversed() { if case .failed(let message) = event { return message } }
        return nil
    }
}
