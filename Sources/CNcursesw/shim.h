// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <curses.h>

// Macros that expand to casts/shifts and C globals that Swift 6 cannot touch safely.
static const attr_t cn_A_NORMAL = A_NORMAL;
static const attr_t cn_A_BOLD = A_BOLD;
static const attr_t cn_A_DIM = A_DIM;
static const attr_t cn_A_REVERSE = A_REVERSE;
static const attr_t cn_A_UNDERLINE = A_UNDERLINE;
static const attr_t cn_A_ITALIC = A_ITALIC;
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
