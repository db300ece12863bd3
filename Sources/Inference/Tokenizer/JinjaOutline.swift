/// A Jinja template flattened into what it prints and the statements around it, in a canonical
/// spelling, so two templates that differ only in whitespace, quote style, how literals are
/// concatenated or `a.b` versus `a['b']` compare equal. It does not evaluate anything: it is
/// the input to recognizing a known template family.
///
/// Whitespace handling follows how Hugging Face renders chat templates: `trim_blocks` and
/// `lstrip_blocks` on, plus the `-` markers.
struct JinjaOutline: Equatable {
    enum Item: Equatable {
        /// Literal output (raw text between tags, or a string literal inside `{{ }}`).
        case text(String)
        /// A non-literal `{{ }}` operand, e.g. `message['content']`.
        case expression(String)
        /// A `{% %}` tag's contents, e.g. `for message in messages`.
        case statement(String)
    }

    private(set) var items: [Item] = []

    init(_ source: String) throws(ChatTemplateError) {
        let characters = Array(source)
        var text = ""
        // Whether `text` starts a line, which lstrip_blocks needs to know.
        var textStartsLine = true
        var position = 0
        while position < characters.count {
            guard let opener = Self.opener(characters, at: position) else {
                text.append(characters[position])
                position += 1
                continue
            }
            position += 2
            var marker: Character?
            if position < characters.count, characters[position] == "-" || characters[position] == "+" {
                marker = characters[position]
                position += 1
            }
            if marker == "-" {
                Self.stripTrailingWhitespace(&text)
            } else if marker == nil, opener != "{{" {
                Self.stripIndentation(&text, startsLine: textStartsLine)  // lstrip_blocks
            }
            append(.text(text))
            text = ""

            let closer: String = opener == "{{" ? "}}" : opener == "{%" ? "%}" : "#}"
            guard let (tokens, end) = Self.tokens(characters, from: position, until: closer, lexing: opener != "{#") else {
                throw .unsupported(reason: "unterminated \(opener) tag")
            }
            var body = tokens
            var closingMarker: Character?
            if case .code(let last) = body.last, last == "-" || last == "+" {
                body.removeLast()
                closingMarker = last
            }
            position = end
            textStartsLine = false
            if closingMarker == "-" {
                while position < characters.count, characters[position].isWhitespace {
                    textStartsLine = textStartsLine || characters[position].isNewline
                    position += 1
                }
            } else if closingMarker == nil, opener != "{{", position < characters.count, characters[position].isNewline {
                position += 1  // trim_blocks
                textStartsLine = true
            }
            switch opener {
            case "{{": for operand in Self.operands(body) { append(operand) }
            case "{%": append(.statement(Self.render(body)))
            default: break
            }
        }
        append(.text(text))
    }

    private enum Token: Equatable {
        case literal(String)
        /// One character of code; `" "` stands for a run of whitespace.
        case code(Character)

        var isWord: Bool {
            if case .code(let c) = self { return JinjaOutline.isWordCharacter(c) }
            return false
        }
    }

    /// Adds an item, joining adjacent output text and dropping empty text.
    private mutating func append(_ item: Item) {
        guard case .text(let new) = item else {
            items.append(item)
            return
        }
        guard !new.isEmpty else { return }
        if case .text(let previous) = items.last {
            items[items.count - 1] = .text(previous + new)
        } else {
            items.append(item)
        }
    }

    private static func opener(_ characters: [Character], at position: Int) -> String? {
        guard position + 1 < characters.count, characters[position] == "{" else { return nil }
        switch characters[position + 1] {
        case "{": return "{{"
        case "%": return "{%"
        case "#": return "{#"
        default: return nil
        }
    }

    /// The tag's tokens without whitespace, and the position after its closer; nil if it never closes.
    private static func tokens(_ characters: [Character], from start: Int, until closer: String, lexing: Bool) -> ([Token], Int)? {
        let close = Array(closer)
        var tokens: [Token] = []
        var position = start
        while position < characters.count {
            if position + 1 < characters.count, characters[position] == close[0], characters[position + 1] == close[1] {
                return (tokens, position + 2)
            }
            let character = characters[position]
            if lexing, character == "'" || character == "\"" {
                var value = ""
                position += 1
                while position < characters.count, characters[position] != character {
                    if characters[position] == "\\", position + 1 < characters.count {
                        position += 1
                        switch characters[position] {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "r": value.append("\r")
                        default: value.append(characters[position])
                        }
                    } else {
                        value.append(characters[position])
                    }
                    position += 1
                }
                guard position < characters.count else { return nil }
                tokens.append(.literal(value))
            } else if !character.isWhitespace {
                tokens.append(.code(character))
            } else if tokens.last != .code(" ") {
                tokens.append(.code(" "))  // kept only where it separates two words
            }
            position += 1
        }
        return nil
    }

    /// A `{{ }}` body split at top-level `+`: literal operands become text, the rest expressions.
    private static func operands(_ tokens: [Token]) -> [Item] {
        var parts: [[Token]] = [[]]
        var depth = 0
        for token in tokens {
            switch token {
            case .code("("), .code("["): depth += 1
            case .code(")"), .code("]"): depth -= 1
            case .code("+") where depth == 0:
                parts.append([])
                continue
            default: break
            }
            parts[parts.count - 1].append(token)
        }
        return parts.map { part in
            let significant = part.filter { $0 != .code(" ") }
            if significant.count == 1, case .literal(let value) = significant[0] { return .text(value) }
            return .expression(render(part))
        }
    }

    /// Canonical spelling: no whitespace, single-quoted literals, `x.name` written `x['name']`.
    private static func render(_ tokens: [Token]) -> String {
        var out = ""
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case .literal(let value):
                out += quoted(value)
            case .code("."):
                var name = ""
                var next = index + 1
                while next < tokens.count, case .code(let c) = tokens[next], c.isLetter || c == "_" || (c.isNumber && !name.isEmpty) {
                    name.append(c)
                    next += 1
                }
                let attributeAccess = !name.isEmpty && out.last.map { isWordCharacter($0) || $0 == "]" || $0 == ")" } == true
                if attributeAccess, !(next < tokens.count && tokens[next] == .code("(")) {
                    out += "[" + quoted(name) + "]"
                    index = next
                    continue
                }
                out.append(".")
            case .code(" "):
                let before = out.last.map { isWordCharacter($0) || $0 == "]" || $0 == ")" || $0 == "'" } ?? false
                let after = index + 1 < tokens.count && tokens[index + 1].isWord
                if before && after { out.append(" ") }
            case .code(let c):
                out.append(c)
            }
            index += 1
        }
        return out
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }

    private static func quoted(_ value: String) -> String {
        var out = "'"
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "'"
    }

    private static func stripTrailingWhitespace(_ text: inout String) {
        while let last = text.last, last.isWhitespace { text.removeLast() }
    }

    /// lstrip_blocks: spaces and tabs between the start of a line and a block tag are dropped.
    private static func stripIndentation(_ text: inout String, startsLine: Bool) {
        var trimmed = text
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        if trimmed.isEmpty ? startsLine : trimmed.last?.isNewline == true { text = trimmed }
    }
}
