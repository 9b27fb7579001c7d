/* strmap.h - open-addressing hash map from strings to 32-bit values. */
#ifndef GG_CORE_STRMAP_H
#define GG_CORE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/*
 * Keys are borrowed: the caller keeps each key alive and unchanged while it
 * is in the map (glossgraph keeps them in an arena). Zero-initialise
 * (GG_STRMAP_INIT); release with gg_i_strmap_free. Lookups are O(1) expected.
 */
typedef struct gg_i_strmap {
	const char **keys;
	uint32_t *values;
	size_t cap; /* power of two, or 0 */
	size_t len;
} gg_i_strmap;

#define GG_STRMAP_INIT { NULL, NULL, 0, 0 }

/* A 64-bit hash of s[0, len) (XXH3; the same bytes give the same value on
 * every run and machine). */
uint64_t gg_i_hash_bytes(const char *s, size_t len);
/*
 * A count of the different names added to it, ASCII case, white space and
 * ':' aside (so "Example:" and "example" are one): for telling a glossary's
 * terms from a label that opens paragraph after paragraph. Start with
 * GG_NAME_COUNT_INIT; gg_i_name_count_finish frees it.
 */
typedef struct gg_i_name_count {
	uint64_t *hashes;
	size_t n, cap;
	gg_i_buf key; /* scratch */
	bool oom;
} gg_i_name_count;
#define GG_NAME_COUNT_INIT { NULL, 0, 0, GG_BUF_INIT, false }
/* Add the name s[0, len); a blank one counts for nothing. */
void gg_i_name_count_add(gg_i_name_count *c, const char *s, size_t len);
/* How many different names were added, or SIZE_MAX when memory ran out; frees c's memory. */
size_t gg_i_name_count_finish(gg_i_name_count *c);
/* Value for key in *out; false when absent. */
bool gg_i_strmap_get(const gg_i_strmap *m, const char *key, uint32_t *out);
/*
 * Insert key -> value unless key is present. *existing (if not NULL) gets the
 * value now stored. Returns 1 when inserted, 0 when present, GG_ENOMEM.
 */
int gg_i_strmap_put(gg_i_strmap *m, const char *key, uint32_t value, uint32_t *existing);
/* Overwrite the value of a key that is present; false when it is absent. */
bool gg_i_strmap_set(gg_i_strmap *m, const char *key, uint32_t value);
void gg_i_strmap_free(gg_i_strmap *m);

#endif
