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
        var wall: [Double] = []
        var cpu: [Double] = []
        var changedCells = 0
        for frame in 0..<300 {
            // Alternate the cursor so every frame really differs from the one before.
            state.cursor = frame % 2 == 0 ? nil : state.tokens.count / 2
            let started = (Self.now(CLOCK_MONOTONIC), Self.now(CLOCK_THREAD_CPUTIME_ID))
            let buffer = App.render(state)
            let changed = buffer.changedIndices(since: previous)
            wall.append(Self.now(CLOCK_MONOTONIC) - started.0)
            cpu.append(Self.now(CLOCK_THREAD_CPUTIME_ID) - started.1)
            changedCells += changed.count
            previous = buffer
        }
        // Thread CPU time is what a frame costs; wall time also counts other processes' load.
        print("frame cost 120x40, \(state.tokens.count) tokens, \(changedCells / wall.count) changed cells per frame: "
              + "CPU \(Self.summary(cpu)); wall \(Self.summary(wall))")
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }

    private static func summary(_ micros: [Double]) -> String {
        let sorted = micros.sorted()
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        return "mean \(Int(mean)) µs, median \(Int(sorted[sorted.count / 2])) µs, p95 \(Int(sorted[sorted.count * 95 / 100])) µs"
    }
}
