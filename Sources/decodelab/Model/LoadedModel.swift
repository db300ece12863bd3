import Inference

/// Everything a model-using command needs, opened from one file.
struct LoadedModel {
    let path: String
    let gguf: GGUFFile
    let tokenizer: Tokenizer
    let model: LlamaModel
}
