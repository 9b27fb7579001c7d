/* names.h - name normalisation, abbreviations, and reading header lines. */
#ifndef GG_MODEL_NAMES_H
#define GG_MODEL_NAMES_H

#include "core/arena.h"
#include "core/buf.h"
#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Append the normalised key of s[0..len) to `out`: Unicode NFC, case folded,
 * '-' '_' and white space as single spaces, surrounding Markdown '*' and
 * trailing '.,;:' dropped, and each word's plural ending removed so that
 * singular and plural meet ("fields" -> "field", "policies" -> "policy"),
 * except from words in capitals ("DNS" is no plural of "DN", "HTTPS" none
 * of "HTTP"; "URLs" is URL's). Two names are the same name when their keys
 * are equal.
 */
void gg_i_name_key_append(gg_i_buf *out, const char *s, size_t len);

/* The key of s[0..len) in the arena; NULL when out of memory. */
char *gg_i_name_key(gg_i_arena *a, const char *s, size_t len);

/*
 * Whether s is written in capitals: two capital letters or more, no small
 * one ("HEAD", "DNS", "C++" is not).
 */
bool gg_i_name_is_capitals(const char *s);

/* Whether s holds a letter or a digit: "..." and "+++" are no names. */
bool gg_i_name_has_alnum(const char *s);

/*
 * Whether `abbr` abbreviates `full` (Schwartz & Hearst 2003): the letters and
 * digits of abbr appear in order in full, case-insensitively, the first at
 * the start of a word; abbr is at most 12 bytes and is not made of full's own
 * words ("scaling laws" does not abbreviate "neural scaling laws").
 */
bool gg_i_name_is_abbrev_of(const char *abbr, size_t alen, const char *full, size_t flen);

/*
 * When `key` is another name plus a qualifier that names no new concept
 * ("... methods", "... techniques", "... advanced", "... for edge"), the
 * length of that base name's key; 0 otherwise. See README, "Concepts".
 */
size_t gg_i_name_qualified_base(const char *key);

/*
 * Read an entry's header line and the start of its definition into `out`
 * (strings in the arena). A header that is one name (HTML) is not split;
 * commas inside parentheses, and those of "Acme, Inc." or "Smith, John",
 * split no header. "(also X)" and the like give aliases, "Handler
 * (callback)" a bare name, and a header or definition that only sends the
 * reader to another entry ("Record: see Tuple", "See Tuple.") a redirect.
 * Returns 0 or GG_ENOMEM. The category is left undecided here
 * (category_shaped, last_item): it needs the whole corpus.
 */
int gg_i_names_parse(gg_i_arena *a, const gg_entry *e, gg_i_entry_names *out);

#endif
