/* text.h - UTF-8 sanitising, Unicode and ASCII case folding, small string helpers. */
#ifndef GG_CORE_TEXT_H
#define GG_CORE_TEXT_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The replacement character U+FFFD, UTF-8 encoded. */
#define GG_REPLACEMENT "\xEF\xBF\xBD"

/*
 * Length of the valid UTF-8 sequence at s[0..len), or 0 when it is invalid:
 * overlong forms, surrogates, code points past U+10FFFF, the non-characters
 * U+FFFE/U+FFFF, and sequences cut short by the end all count as invalid.
 */
size_t gg_i_utf8_valid_len(const unsigned char *s, size_t len);

/*
 * Append s[0..len) to `out` with every byte XML cannot carry replaced by
 * U+FFFD: invalid UTF-8 (one replacement per maximal invalid subpart), NUL
 * and other C0 controls except TAB, LF and CR. Returns how many replacements
 * were made. Out of memory is left in out->oom.
 */
size_t gg_i_utf8_sanitize(gg_i_buf *out, const char *s, size_t len);

/*
 * gg_i_utf8_sanitize that also reports where the copy and the original fall
 * back into step: after each replacement, on_step(copy_pos, orig_pos,
 * payload) with both positions counted from the start of s and of what this
 * call appended.
 */
size_t gg_i_utf8_sanitize_steps(gg_i_buf *out, const char *s, size_t len,
			      void (*on_step)(size_t copy_pos, size_t orig_pos, void *payload),
			      void *payload);

/* Number of bytes gg_i_utf8_sanitize would replace; 0 means s is clean. */
size_t gg_i_utf8_count_bad(const char *s, size_t len);

/* Number of characters of valid UTF-8 s[0, len): the bytes that start one. */
static inline size_t gg_i_utf8_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* gg_i_utf8_fold option: full Unicode case folding as well as NFC. */
#define GG_FOLD_CASE 0x1u

/*
 * Append s[0..len) to `out` in Unicode NFC, and with GG_FOLD_CASE also
 * fully case-folded ("STRASSE" and "Stra\u00dfe" both give "strasse", the
 * ligature U+FB01 gives "fi"): what utf8proc_map makes with UTF8PROC_STABLE |
 * UTF8PROC_COMPOSE (| UTF8PROC_CASEFOLD), the folding name lookup uses.
 * Bytes that are not valid UTF-8 are copied as they are, and the valid text
 * between them folded on its own. `scratch` holds code points; pass the
 * same buffer to many calls to save allocations and free it after.
 * Returns 0, or GG_ENOMEM with out->oom set.
 */
int gg_i_utf8_fold(gg_i_buf *out, gg_i_buf *scratch, const char *s, size_t len, unsigned flags);

/* What a code point is, for telling words and capitals apart. */
typedef enum gg_i_char_kind {
	GG_CHAR_OTHER,   /* digits, marks, punctuation, symbols, invalid bytes */
	GG_CHAR_LETTER,  /* a letter that is not a capital (Ll, Lm, Lo) */
	GG_CHAR_CAPITAL, /* an upper-case or title-case letter (Lu, Lt) */
	GG_CHAR_SPACE    /* a space separator (Zs: ' ', U+00A0, U+2007, U+202F ...) */
} gg_i_char_kind;

/*
 * Decode the code point at s[0..len) (len >= 1): its kind in *kind, and
 * its length in bytes as the return (1 for a byte that starts no valid
 * UTF-8 sequence, which is GG_CHAR_OTHER).
 */
size_t gg_i_utf8_char(const unsigned char *s, size_t len, gg_i_char_kind *kind);

/* Whether s[0..len) holds a capital letter (GG_CHAR_CAPITAL) of any script. */
bool gg_i_utf8_has_capital(const char *s, size_t len);

/*
 * Whether the 8 bytes at p are all printable ASCII or DEL (0x20 to 0x7F),
 * the bytes every cleaning loop copies as they are: such loops skip runs
 * of them eight at a time. A byte under 0x20 borrows in the subtraction
 * and sets its high bit, as a byte from 0x80 up has it set already.
 */
static inline bool gg_i_ascii_printable8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof(x));
	return (((x - 0x2020202020202020ull) | x) & 0x8080808080808080ull) == 0;
}

static inline bool gg_i_is_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * Bytes of the dash at s (s[0, n) readable): 1 for '-', 3 for an en or em
 * dash (U+2013, U+2014), else 0. The dashes that part a term from its
 * definition ("Term - text", "Term \u2014 text"), as every reader takes them.
 */
static inline size_t gg_i_dash_len(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	return n >= 3 && s[0] == '\xE2' && s[1] == '\x80' && (s[2] == '\x93' || s[2] == '\x94') ? 3 : 0;
}

/*
 * Where the parenthetical at s[p, n) that a term's name may carry ends
 * (past its ')'): "(Application Programming Interface)" after "API", as
 * "API (Application Programming Interface): ..." opens an entry. p when
 * s[p] opens none: it must close within 120 bytes, with no '(' inside.
 */
size_t gg_i_name_paren_end(const char *s, size_t p, size_t n);

/*
 * Whether s[0, n), a superscript's text, is an exponent of what ends with
 * the byte `before` (a letter, a digit, or ')'): digits after an optional
 * sign ('+', '-', U+2212), or one ASCII letter ("3", "-1", "n"). Readers
 * write an exponent after a caret ("10^3"), as plain text does, so that
 * "10<sup>3</sup>" does not read as 103; an ordinal's "th" is none.
 */
bool gg_i_is_exponent(unsigned char before, const char *s, size_t n);

static inline char gg_i_ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive (ASCII) comparison of NUL-terminated strings. */
int gg_i_strcasecmp(const char *a, const char *b);

/* Pointer to the first non-space byte of s and the trimmed length in *len. */
const char *gg_i_trim(const char *s, size_t *len);

/* A malloc'd NUL-terminated copy of s[0..len), or NULL when out of memory. */
char *gg_i_strndup(const char *s, size_t len);

/* Levenshtein distance between a and b (bytes), capped at `cap`. */
size_t gg_i_edit_distance(const char *a, const char *b, size_t cap);

#endif
