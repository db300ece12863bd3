import Inference

/// A GGUF file described for people, like gguf-dump: a summary (architecture, hyper-parameters,
/// tokenizer, chat template), every metadata key, and the tensor table.
struct GGUFReport {
    let file: GGUFFile

    /// Longest metadata value shown before it is cut short (with its full size noted).
    static let valueWidth = 72
    /// Array elements shown before "…".
    static let arrayPreview = 6

    var text: String {
        [summary, metadataTable, tensorTable].joined(separator: "\n")
    }

    var summary: String {
        let architecture = file.architecture ?? "(none: general.architecture is missing)"
        var lines = [
            "file: \(file.path)",
            "GGUF v\(file.version), \(file.fileSize) bytes, alignment \(file.alignment), tensor data from byte \(file.dataOffset)",
            "architecture: \(Self.printable(architecture))" + (file["general.name"]?.string.map { " (\(Self.printable($0)))" } ?? ""),
        ]
        // Hyper-parameters are the keys under the architecture's own prefix, whatever it is.
        let prefix = "\(file.architecture ?? "")."
        let hyperParameters = file.metadata.filter { file.architecture != nil && $0.key.hasPrefix(prefix) }.map {
            (name: Self.printable(String($0.key.dropFirst(prefix.count))), value: $0.value)
        }
        if !hyperParameters.isEmpty {
            lines.append("hyper-parameters:")
            let width = hyperParameters.map(\.name.count).max() ?? 0
            for (name, value) in hyperParameters {
                lines.append("  " + pad(name, width) + "  " + Self.summarize(value))
            }
        }
        lines.append("tokenizer: " + tokenizer)
        if let template = file["tokenizer.chat_template"]?.string {
            lines.append("chat template: yes (\(template.utf8.count) bytes)")
        } else {
            lines.append("chat template: no")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var tokenizer: String {
        guard let model = file["tokenizer.ggml.model"]?.string else { return "none (no tokenizer.ggml.model)" }
        let kinds = ["gpt2": "byte-level BPE", "llama": "SentencePiece BPE", "bert": "WordPiece", "t5": "Unigram", "rwkv": "RWKV", "plamo2": "PLaMo-2", "none": "none"]
        var parts = ["\(Self.printable(model)) (\(kinds[model] ?? "unknown kind"))"]
        if let pre = file["tokenizer.ggml.pre"]?.string { parts.append("pre-tokenizer \(Self.printable(pre))") }
        if let tokens = file["tokenizer.ggml.tokens"]?.array { parts.append("\(tokens.count) tokens") }
        if let merges = file["tokenizer.ggml.merges"]?.array { parts.append("\(merges.count) merges") }
        let specials = ["bos", "eos", "eot", "unknown", "padding"].compactMap { name in
            file["tokenizer.ggml.\(name)_token_id"]?.integer.map { "\(name) \($0)" }
        }
        if !specials.isEmpty { parts.append(specials.joined(separator: ", ")) }
        return parts.joined(separator: ", ")
    }

    var metadataTable: String {
        let keyWidth = file.metadata.map { Self.printable($0.key).count }.max() ?? 0
        let typeWidth = file.metadata.map(\.value.typeName.count).max() ?? 0
        var lines = ["metadata (\(file.metadata.count) keys):"]
        for (index, (key, value)) in file.metadata.enumerated() {
            lines.append(padLeft("\(index + 1)", 5) + "  " + pad(Self.printable(key), keyWidth) + "  " + pad(value.typeName, typeWidth) + "  " + Self.summarize(value))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var tensorTable: String {
        let total = file.tensors.reduce(0) { $0 + $1.byteCount }
        let rows = file.tensors.enumerated().map { index, tensor in
            ["\(index + 1)", Self.printable(tensor.name), tensor.type.name, tensor.dimensions.map(String.init).joined(separator: " x "), "\(tensor.elementCount)", "\(tensor.byteCount)"]
        }
        let header = ["#", "name", "type", "shape", "elements", "bytes"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        // Numbers align right, text left.
        let rightAligned: Set<Int> = [0, 4, 5]
        func line(_ cells: [String]) -> String {
            "  " + cells.indices.map { i in rightAligned.contains(i) ? padLeft(cells[i], widths[i]) : pad(cells[i], widths[i]) }.joined(separator: "  ")
        }
        var lines = ["tensors (\(file.tensors.count), \(total) bytes):", line(header)]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line for a value: long strings and arrays are cut short, with their full size.
    static func summarize(_ value: GGUFValue) -> String {
        switch value {
        case .string(let s):
            let flat = printable(s)
            guard flat.count > valueWidth else { return "\"\(flat)\"" }
            return "\"\(flat.prefix(valueWidth))…\" (\(s.utf8.count) bytes)"
        case .array(let items):
            let shown = items.prefix(arrayPreview).map(summarize).joined(separator: ", ")
            return items.count > arrayPreview ? "[\(shown), …] (\(items.count) items)" : "[\(shown)]"
        default:
            return value.description
        }
    }

    /// Control characters escaped, so a hostile file cannot move the cursor or clear the screen.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
