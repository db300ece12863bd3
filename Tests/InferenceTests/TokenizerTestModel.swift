import TestSupport
@testable import Inference

/// The default model's tokenizer, loaded once for all tokenizer tests (as a user gets the model).
enum TokenizerTestModel {
    private static let loaded = Result<Tokenizer, any Error> {
        try Tokenizer(gguf: GGUFFile(path: GoldenData.defaultModelPath()))
    }

    static func tokenizer() throws -> Tokenizer {
        try loaded.get()
    }
}
