import Decoding

extension App {
    /// Draws the whole screen for `state` at its size.
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size, fill: Cell(symbol: " ", style: state.theme[.base]))
        guard state.size.fitsScreen else {
            TooSmallNotice(size: state.size, editing: state.overlay?.takesText == true).render(into: &buffer, area: state.size.bounds, theme: state.theme)
            return buffer
        }
        if let comparison = state.comparison {
            renderComparison(state, comparison, into: &buffer)
        } else {
            renderMain(state, into: &buffer)
        }
        renderOverlay(state, into: &buffer)
        return buffer
    }

    private static func renderMain(_ state: AppState, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let layout = ScreenLayout(size: state.size, zoomed: state.zoomed ? state.focus : nil)
        HeaderBar(state: state).render(into: &buffer, area: layout.header, theme: theme)
        if !layout.text.isEmpty { primaryText(state).render(into: &buffer, area: layout.text, theme: theme) }
        if !layout.inspector.isEmpty { inspector(state).render(into: &buffer, area: layout.inspector, theme: theme) }
        if !layout.timeline.isEmpty {
            // The cursor's step is marked there; none while the cursor follows the newest.
            let cursorStep = state.cursor.flatMap { state.tokens.indices.contains($0) ? state.tokens[$0].step : nil }
            TimelinePane(steps: state.steps, focused: state.focus == .timeline, selected: cursorStep).render(into: &buffer, area: layout.timeline, theme: theme)
        }
        FooterBar(keymap: keymap, notice: state.notice).render(into: &buffer, area: layout.footer, theme: theme)
    }

    /// Compare mode: the two runs side by side, the primary run (with the cursor) on the left.
    private static func renderComparison(_ state: AppState, _ comparison: ComparisonRun, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let layout = ComparisonLayout(size: state.size)
        HeaderBar(state: state).render(into: &buffer, area: layout.header, theme: theme)
        RunPane(text: primaryText(state), strategy: state.configuration.strategy, strategies: state.strategies, status: state.status, stats: state.stats)
            .render(into: &buffer, area: layout.primary, theme: theme)
        let second = TextPane(prompt: state.promptText, chat: state.chat, tokens: comparison.tokens, lens: state.lens, cursor: nil, focused: false)
        RunPane(text: second, strategy: comparison.strategy, strategies: state.strategies, status: comparison.status, stats: comparison.stats)
            .render(into: &buffer, area: layout.comparison, theme: theme)
        if !layout.inspector.isEmpty { inspector(state).render(into: &buffer, area: layout.inspector, theme: theme) }
        FooterBar(keymap: keymap, notice: state.notice).render(into: &buffer, area: layout.footer, theme: theme)
    }

    private static func primaryText(_ state: AppState) -> TextPane {
        TextPane(prompt: state.promptText, chat: state.chat, tokens: state.tokens, lens: state.lens, cursor: state.cursor, focused: state.focus == .text)
    }

    private static func inspector(_ state: AppState) -> InspectorPane {
        let selected = state.selectedToken.flatMap { state.tokens.indices.contains($0) ? state.tokens[$0] : nil }
        var inspector = InspectorPane(step: state.selectedStep, selected: state.cursor == nil ? nil : selected, vocabulary: state.vocabulary,
                                      focused: state.focus == .inspector)
        inspector.cost = SpeculationCostPanel(statistics: SpeculationStatistics(steps: state.steps), run: state.stats,
                                              verifyCost: state.verifyCost, draftSize: 0)
        if state.steps.isEmpty, state.status == .running { inspector.readingPrompt = state.configuration.prompt.count }
        return inspector
    }

    private static func renderOverlay(_ state: AppState, into buffer: inout ScreenBuffer) {
        switch state.overlay {
        case .none: break
        case .help: HelpOverlay(keymap: keymap).render(into: &buffer, theme: state.theme)
        case .promptEditor(let editor):
            PromptEditorOverlay(editor: editor, chatAvailable: state.chatAvailable).render(into: &buffer, theme: state.theme)
        case .strategyPicker(let selected):
            StrategyPickerOverlay(strategies: state.strategies, selected: selected, current: state.configuration.strategy)
                .render(into: &buffer, theme: state.theme)
        case .comparisonPicker(let selected):
            StrategyPickerOverlay(strategies: state.strategies, selected: selected, current: state.configuration.strategy,
                                  title: "Compare with — ↑↓ Enter or 1-9, Esc closes").render(into: &buffer, theme: state.theme)
        case .constraintPicker(let picker):
            ConstraintPickerOverlay(picker: picker, current: state.configuration.parameters.constraint).render(into: &buffer, theme: state.theme)
        case .tokenDetail:
            guard let index = state.selectedToken, state.tokens.indices.contains(index) else { return }
            let entry = state.tokens[index]
            let step = state.steps.indices.contains(entry.step) ? state.steps[entry.step] : nil
            TokenDetailOverlay(entry: entry, position: state.textPosition(ofToken: index), step: step, vocabulary: state.vocabulary).render(into: &buffer, theme: state.theme)
        }
    }
}
