import CNcursesw
import Glibc

/// ncurses drops every non-ASCII glyph unless the C library's character type is UTF-8.
enum TerminalLocale {
    /// Takes the user's locale, and falls back to a UTF-8 character type when it is not one
    /// (e.g. `LC_ALL=C`), so box drawing, bars and non-Latin tokens still render.
    static func adoptUTF8() {
        _ = setlocale(LC_ALL, "")
        guard !isUTF8 else { return }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            return
        }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
