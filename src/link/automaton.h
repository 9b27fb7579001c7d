/* automaton.h - multi-pattern matcher: whole-word, leftmost-longest term search. */
#ifndef GG_LINK_AUTOMATON_H
#define GG_LINK_AUTOMATON_H

#include <stddef.h>
#include <stdint.h>

/*
 * An automaton holds many byte-string patterns, each with a caller's id, and
 * finds them in a text. Lifetime: gg_i_automaton_new, any number of
 * gg_i_automaton_add, one gg_i_automaton_compile, then any number of
 * gg_i_automaton_scan (from several threads at once if wished), and
 * gg_i_automaton_free.
 *
 * Matching works on a folded view of both text and patterns, the view name
 * lookup has: full Unicode case folding and NFC (utf8proc), so "STRASSE"
 * finds "Stra\u00dfe", "\u00c9COLE" finds "\u00e9cole", the ligature
 * U+FB01 finds "fi", and a decomposed "e\u0301" finds "\u00e9"; '-', '_' and
 * the space separators beyond ASCII (no-break spaces U+00A0, U+2007,
 * U+202F, ...) fold to ' '. Bytes that are not valid UTF-8 are kept as
 * they are. A match must stand as whole words: on each side whose pattern
 * byte is a word byte (ASCII letter or digit, or any byte >= 0x80 but
 * those space separators) the neighbouring text byte must not be one; text
 * start and end count as boundaries. Matches are reported in positions of
 * the text as given, however folding changed lengths.
 * Among the matches, the scan reports the leftmost, then the longest of
 * those, then continues after its end (so "neural tangent kernel" hides the
 * "kernel" inside it). Every pattern with exactly the winning span is
 * reported together, as a sorted set of distinct ids.
 *
 * Cost: memory about 20 bytes per pattern token (word or other byte) not
 * shared with another pattern's prefix, plus a dictionary of the distinct
 * pattern words; scanning is linear in the text, independent of the number
 * of patterns (one hash probe per text word). Words of ASCII are folded
 * as they are read; only words with other bytes go through utf8proc.
 */
typedef struct gg_i_automaton gg_i_automaton;

/*
 * The pattern matches only where the text has its case exactly as added;
 * '-', '_' and the space separators still count as equal, and text and
 * pattern are compared in NFC. For abbreviations: "NAS" finds "NAS" but not
 * "nas" or "Nas"; "\u03a3\u0399\u0393\u039c\u0391" finds only itself in capitals.
 */
#define GG_AUTOMATON_EXACT_CASE 0x1u

/* One reported match: text[start, end) and the ids of the patterns found there. */
typedef struct gg_i_match {
	size_t start;
	size_t end;
	const uint32_t *ids; /* ascending, distinct; valid during the callback only */
	size_t n_ids;        /* at least 1 */
} gg_i_match;

/* Called for each match in text order; a non-zero return stops the scan. */
typedef int (*gg_i_match_cb)(const gg_i_match *m, void *payload);

/* Make an empty automaton in *out. 0, or GG_ENOMEM with *out = NULL. */
int gg_i_automaton_new(gg_i_automaton **out);

/*
 * Add the `len` bytes at `pattern` (no NUL needed; any byte allowed) with
 * `id` and `flags` (0 or GG_AUTOMATON_EXACT_CASE). The bytes are copied.
 * Adding the same text again, with the same or another id, is allowed.
 * GG_EINVAL for an empty pattern, unknown flags, or an automaton already
 * compiled; GG_ELIMIT past 2^31 - 2 pattern bytes in all; GG_ENOMEM. On
 * error nothing is added. Amortised O(len).
 */
int gg_i_automaton_add(gg_i_automaton *a, const char *pattern, size_t len,
		     uint32_t id, unsigned flags);

/*
 * Build the matching tables from the patterns added; after this the
 * automaton is read-only and the patterns' own copies are freed.
 * O(P + N log N) for P pattern bytes and N patterns (a sort). GG_EINVAL when
 * already compiled, GG_ELIMIT when folding makes the patterns' words or one
 * pattern longer than 2^31 - 2 bytes, GG_ENOMEM; on error the automaton is
 * left as before and compile may be retried.
 */
int gg_i_automaton_compile(gg_i_automaton *a);

/*
 * Find the patterns in text[0, len) (NUL bytes are ordinary bytes) and call
 * `cb` for each match, in increasing `start`; a match is reported once no
 * later text can change it, so at most a pattern's length behind the scan.
 * Returns 0, the first non-zero value `cb` returned, GG_EINVAL if the
 * automaton is not compiled or cb is NULL, or GG_ENOMEM (only when very many
 * overlapping candidates wait at once, or for text beyond ASCII, which is
 * folded in heap scratch; text of ASCII allocates nothing, its scratch is on
 * the stack). The automaton is not modified: any
 * number of threads may scan with it at the same time.
 * Time: O(len + candidates * waiting candidates), the latter a small number
 * in prose; independent of the number of patterns.
 */
int gg_i_automaton_scan(const gg_i_automaton *a, const char *text, size_t len,
		      gg_i_match_cb cb, void *payload);

/* Number of patterns added (duplicates included). */
size_t gg_i_automaton_count(const gg_i_automaton *a);

/* Bytes of heap the automaton holds now (for benchmarks and limits). */
size_t gg_i_automaton_memory(const gg_i_automaton *a);

/* Release the automaton; NULL is allowed. */
void gg_i_automaton_free(gg_i_automaton *a);

#endif
