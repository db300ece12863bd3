import Foundation
import Testing
@testable import Inference

/// A seeded mutation loop over small valid GGUF files. Every input must either open, with every
/// tensor's bytes inside the file, or be refused with a GGUFError; a crash or hang fails the run.
@Suite struct FuzzGGUFTests {
    static let iterations = 100_000
    static let seed: UInt64 = 0xDEC0_DE1A_B000_0001

    static func seeds() -> [(bytes: [UInt8], fields: [Int])] {
        var writers = [UInt32(1), 2, 3].map { GGUFTestWriter.sample(version: $0) }
        var aligned = GGUFTestWriter.sample()
        aligned.alignment = 64
        aligned.metadata.append(("general.alignment", .uint32(64)))
        writers.append(aligned)
        var small = GGUFTestWriter()
        small.metadata = [("general.architecture", .string("llama"))]
        small.tensors = [.init(name: "w", dimensions: [4, 2], type: .f16, data: [UInt8](repeating: 0x3C, count: 16))]
        writers.append(small)
        return writers.indices.map { i in
            let bytes = writers[i].bytes()
            return (bytes, writers[i].positions.values.sorted())
        }
    }

    @Test func mutatedFilesNeverCrashOrEscapeTheirBytes() throws {
        let seeds = Self.seeds()
        var mutator = FuzzMutator(seed: Self.seed)
        var accepted = 0, rejected = 0
        let started = ContinuousClock.now
        let startedCPU = Self.threadCPUSeconds()
        for _ in 0..<Self.iterations {
            let seed = seeds[Int.random(in: 0..<seeds.count, using: &mutator)]
            let input = mutator.mutate(seed.bytes, fields: seed.fields)
            do {
                let file = try GGUFFile(file: MappedFile(path: "fuzz.gguf", contents: input))
                checkInvariants(file, size: input.count)
                accepted += 1
            } catch {
                // Checked by hand: an expectation per input would cost more than the parse.
                if error.path != "fuzz.gguf" || (error.offset ?? 0) > input.count {
                    Issue.record("error names the wrong file or an offset past the input: \(error)")
                }
                rejected += 1
            }
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let cpu = Self.threadCPUSeconds() - startedCPU
        print("GGUF fuzz: \(Self.iterations) mutated inputs ran clean (\(accepted) opened, \(rejected) refused with an error) in \(String(format: "%.1f", seconds)) s (\(String(format: "%.1f", cpu)) s of CPU), seed \(Self.seed)")
        #expect(accepted + rejected == Self.iterations)
        // The loop must exercise both sides, or the mutations are too weak or too strong to mean anything.
        #expect(accepted > Self.iterations / 100)
        #expect(rejected > Self.iterations / 2)
    }

    /// CPU time of this thread: on a busy machine wall time says little about the loop's cost.
    /// The loop never suspends, so it stays on one thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Checked by hand and recorded only on failure: an expectation per check would cost more than the parse.
    private func checkInvariants(_ file: GGUFFile, size: Int) {
        var problems: [String] = []
        if file.dataOffset % file.alignment != 0 { problems.append("data section at \(file.dataOffset) is not aligned") }
        for tensor in file.tensors {
            if tensor.fileOffset < file.dataOffset || tensor.fileOffset + tensor.byteCount > size {
                problems.append("tensor \(tensor.name) at \(tensor.fileOffset)+\(tensor.byteCount) is outside the data section")
            }
            if tensor.byteCount != tensor.elementCount / tensor.type.blockSize * tensor.type.blockBytes {
                problems.append("tensor \(tensor.name) has \(tensor.byteCount) bytes for \(tensor.elementCount) \(tensor.type.name) elements")
            }
            let data = file.data(of: tensor)
            // Touch the first and last byte: out-of-range views would fault or trip a sanitizer here.
            if let first = data.first, let last = data.last { _ = first &+ last }
            if file.tensor(named: tensor.name) != tensor { problems.append("tensor \(tensor.name) is not found by name") }
        }
        // Compared as text because a mutated float may be NaN, which is not equal to itself.
        for (key, value) in file.metadata where file[key]?.description != value.description {
            problems.append("key \(key) is not found by name")
        }
        for problem in problems { Issue.record("\(problem)") }
    }
}
