extension String {
    /// The text without a leading U+FEFF byte-order mark, which editors write and no grammar
    /// or JSON document means.
    var droppingByteOrderMark: String {
        hasPrefix("\u{FEFF}") ? String(unicodeScalars.dropFirst()) : self
    }
}
