import Foundation
import Testing
import TestSupport
@testable import Decoding
import Inference

@Test func constrainedZZTmpVocabularyTiming() throws {
    let gguf = try GGUFFile(path: try GoldenData.defaultModelPath())
    let tokenizer = try Tokenizer(gguf: gguf)
    for label in ["first (build trie)", "second (cached)", "third (cached)"] {
        let start = ContinuousClock.now
        _ = TokenVocabulary.shared(for: tokenizer)
        print("TIMING", label, ContinuousClock.now - start)
    }
}
