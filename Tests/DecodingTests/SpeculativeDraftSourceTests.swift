import Testing
import Decoding
import Inference

@Suite struct SpeculativeDraftSourceTests {
    @Test func copiesWhatFollowedTheLongestRecurringNgram() {
        let drafter = PromptLookupDrafter(maxNgramSize: 3, draftLength: 10)
        #expect(drafter.draft(after: [1, 2, 3, 4, 5, 1, 2, 3]) == LookupDraft(tokens: [4, 5, 1, 2, 3], ngramSize: 3, matchStart: 0))
    }

    @Test func prefersTheMostRecentOccurrenceAndCapsTheLength() {
        let drafter = PromptLookupDrafter(maxNgramSize: 2, draftLength: 2)
        #expect(drafter.draft(after: [7, 1, 9, 7, 1, 8, 6, 7, 1]) == LookupDraft(tokens: [8, 6], ngramSize: 2, matchStart: 3))
    }

    @Test func fallsBackToShorterNgrams() {
        let drafter = PromptLookupDrafter(maxNgramSize: 3, draftLength: 10)
        #expect(drafter.draft(after: [5, 6, 1, 9, 9, 1]) == LookupDraft(tokens: [9, 9, 1], ngramSize: 1, matchStart: 2))
        #expect(PromptLookupDrafter(maxNgramSize: 3, minNgramSize: 2).draft(after: [5, 6, 1, 9, 9, 1]) == nil)
    }

    @Test func proposesNothingWithoutARepeat() {
        #expect(PromptLookupDrafter().draft(after: [1, 2, 3]) == nil)
        #expect(PromptLookupDrafter().draft(after: []) == nil)
        #expect(PromptLookupDrafter(draftLength: 0).draft(after: [1, 1, 1]) == nil)
    }

    @Test func overlappingRepeatsStillLeaveAContinuation() {
        #expect(PromptLookupDrafter(maxNgramSize: 3).draft(after: [4, 4, 4]) == LookupDraft(tokens: [4], ngramSize: 2, matchStart: 0))
    }
}
