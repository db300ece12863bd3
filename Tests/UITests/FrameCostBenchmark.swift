import Foundation
import Testing
import UI

/// Not a timed test: with DECODELAB_BENCH=1 it prints what one frame costs at 120×40 (render of
/// the whole screen plus the diff against the previous frame) with about 500 tokens on screen.
/// Run it in release: `DECODELAB_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter FrameCost`.
@Suite struct FrameCostBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DECODELAB_BENCH"] == "1"))
    func frameCostAt120x40() async throws {
        var state = try await ToyRun.state(steps: 40, size: Size(width: 120, height: 40), theme: .monochrome)
        // The ToyModel ends its text early; its steps are replayed to fill the screen.
        let steps = state.steps
        for _ in 0..<20 {
            for step in steps { _ = App.update(&state, .engine(.step(step))) }
        }
        #expect(state.tokens.count > 400)
        var previous = App.render(state)
        let clock = ContinuousClock()
        var samples: [Duration] = []
        var changedCells = 0
        for frame in 0..<300 {
            // Alternate the cursor so every frame really differs from the one before.
            state.cursor = frame % 2 == 0 ? nil : state.tokens.count / 2
            let started = clock.now
            let buffer = App.render(state)
            let changed = buffer.changedIndices(since: previous)
            samples.append(clock.now - started)
            changedCells += changed.count
            previous = buffer
        }
        let micros = samples.map { Double($0.components.attoseconds) / 1e12 + Double($0.components.seconds) * 1e6 }.sorted()
        let mean = micros.reduce(0, +) / Double(micros.count)
        print("frame cost 120x40, \(state.tokens.count) tokens: mean \(Int(mean)) µs, median \(Int(micros[micros.count / 2])) µs, p95 \(Int(micros[micros.count * 95 / 100])) µs, \(changedCells / samples.count) changed cells per frame")
    }
}
