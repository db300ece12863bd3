@testable import Grammar
import TestSupport

/// Reachable recognizer states found by random walks over allowed bytes.
enum RandomStates {
    static func walk(_ recognizer: Recognizer, steps: Int, using generator: inout SplitMix64) -> [RecognizerState] {
        var states = [recognizer.initialState]
        var state = recognizer.initialState
        for _ in 0..<steps {
            let next = (0...255).compactMap { recognizer.advance(state, byte: UInt8($0)) }
            guard let chosen = next.randomElement(using: &generator) else { break }
            state = chosen
            states.append(state)
        }
        return states
    }

    /// What a mask must be, token by token: text tokens whose bytes the recognizer accepts,
    /// end tokens exactly when complete, other special tokens never.
    static func bruteForceMask(_ recognizer: Recognizer, _ state: RecognizerState, tokens: [[UInt8]], special: Set<Int>, endTokens: [Int]) -> TokenMask {
        var mask = TokenMask(vocabularySize: tokens.count)
        for (token, bytes) in tokens.enumerated() {
            if endTokens.contains(token) {
                if recognizer.isComplete(state) { mask.insert(token) }
            } else if !special.contains(token), !bytes.isEmpty, recognizer.canAccept(bytes, from: state) {
                mask.insert(token)
            }
        }
        return mask
    }
}
