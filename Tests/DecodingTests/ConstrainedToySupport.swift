import Foundation
@testable import Decoding
import Grammar
import Inference

/// A small finite language over the ToyModel's words, and the exact numbers SMC and ASAp are
/// checked against, found by enumerating it.
enum ConstrainedToy {
    /// Eight sentences: an article, an animal, a verb, a full stop.
    static let regex = "( the| a)( cat| dog)( sat| ran)\\."

    static var constraint: ConstraintSpec { ConstraintSpec(kind: .regex, source: regex, origin: "toy.regex") }

    static func parameters(temperature: Double = 1, _ extra: [String: Double] = [:]) -> DecodingParameters {
        var parameters = DecodingParameters()
        parameters.constraint = constraint
        parameters.sampler.temperature = temperature
        for (name, value) in extra { parameters.set(name, to: value) }
        return parameters
    }

    static func recognizer() throws -> Recognizer { Recognizer(try Grammar(regex: regex)) }

    /// The text of generated tokens, end token left out.
    static func text(_ tokens: [TokenID]) -> [UInt8] {
        tokens.flatMap { ToyVocabulary().bytes(of: $0) }
    }

    /// p(next | context) of the ToyModel at temperature 1.
    static func probabilities(_ model: ToyModel, after context: [TokenID]) -> [Double] {
        let logits = model.logits(after: context).map(Double.init)
        let top = logits.max() ?? 0
        let weights = logits.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Every sentence of the language as tokens (end token included) with its probability
    /// under the model after `prompt`.
    static func sentences(_ model: ToyModel, prompt: [TokenID]) throws -> [(tokens: [TokenID], probability: Double)] {
        let recognizer = try recognizer()
        let vocabulary = ToyVocabulary()
        var found: [(tokens: [TokenID], probability: Double)] = []
        func explore(_ tokens: [TokenID], _ state: RecognizerState, _ probability: Double) {
            let p = probabilities(model, after: prompt + tokens)
            if recognizer.isComplete(state) { found.append((tokens + [ToyVocabulary.endToken], probability * p[0])) }
            for token in 1..<vocabulary.count {
                guard let next = recognizer.advance(state, bytes: vocabulary.bytes(of: TokenID(token))) else { continue }
                explore(tokens + [TokenID(token)], next, probability * p[token])
            }
        }
        explore([], recognizer.initialState, 1)
        return found
    }
}
