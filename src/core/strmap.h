/* strmap.h - open-addressing hash map from strings to 32-bit values. */
#ifndef GG_CORE_STRMAP_H
#define GG_CORE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
