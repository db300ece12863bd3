/// Where a `Recognizer` stands after some bytes: an id of the set of grammar stacks still alive.
/// A plain value, so keeping an old one is a rollback and copying one is a clone.
public struct RecognizerState: Hashable, Sendable {
    let id: Int32
}
