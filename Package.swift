// swift-tools-version:6.0
import PackageDescription

// Kernels need a real CPU target: without one Swift on Linux compiles for baseline x86-64,
// Float16 conversions become library calls and matmuls run ~40x slower. x86-64-v3
// (AVX2, FMA, F16C) runs on every x86 CPU since 2015; set DECODELAB_CPU=native for this
// machine's best, or DECODELAB_CPU=baseline for an old CPU.
#if arch(x86_64)
let cpuTarget: String? = {
    switch Context.environment["DECODELAB_CPU"] {
    case "baseline": return nil
    case let cpu? where !cpu.isEmpty: return cpu
    default: return "haswell"
    }
}()
#else
let cpuTarget: String? = nil
#endif

let kernelFlags: [SwiftSetting] = cpuTarget.map {
    [.unsafeFlags(["-target-cpu", $0, "-Xcc", "-march=\($0)"])]
} ?? []

let package = Package(
    name: "DecodeLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "decodelab", targets: ["decodelab"]),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "Inference", swiftSettings: kernelFlags + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        .target(name: "Grammar", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "Decoding", dependencies: ["Inference", "Grammar"], swiftSettings: kernelFlags),
        .target(name: "Engine", dependencies: ["Decoding", "Inference"]),
        .target(name: "UI", dependencies: ["Engine", "Decoding", "Inference"]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "UI", "Engine"]),
        .executableTarget(name: "decodelab", dependencies: ["CMalloc", "Terminal", "UI", "Engine", "Decoding", "Grammar", "Inference"]),

        .target(name: "TestSupport", dependencies: ["Inference"], path: "Tests/TestSupport"),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "TestSupport"]),
        .testTarget(name: "GrammarTests", dependencies: ["TestSupport", "Grammar", "Inference"]),
        .testTarget(name: "DecodingTests", dependencies: ["TestSupport", "Decoding", "Inference"]),
        .testTarget(name: "EngineTests", dependencies: ["TestSupport", "Engine", "Decoding", "Inference"]),
        .testTarget(name: "UITests", dependencies: ["TestSupport", "UI", "Engine", "Decoding", "Inference"], exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "decodelab"]),
    ],
    swiftLanguageModes: [.v6]
)
