/* strmap.c - linear-probing string hash map, hashed with xxHash (XXH3). */
#include "core/strmap.h"
#include "core/buf.h"
#include "core/error.h"

#include <stdlib.h>
#include <string.h>
/* XXH3 reads 8 to 32 bytes a step where a byte-at-a-time hash reads one:
 * definitions are hashed whole to find exact duplicates. Inlined here. */
#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t gg_i_hash_bytes(const char *s, size_t len)
{
	return XXH3_64bits(s, len);
}

void gg_i_name_count_add(gg_i_name_count *c, const char *s, size_t len)
{
	if (c->oom)
		return;
	/* the key: lower case, runs of white space and ':' as one space, none at the ends */
	gg_i_buf_clear(&c->key);
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		bool gap = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == ':';
		if (!gap)
			gg_i_buf_putc(&c->key, ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch);
		else if (c->key.len && c->key.ptr[c->key.len - 1] != ' ')
			gg_i_buf_putc(&c->key, ' ');
	}
	size_t n = c->key.len && c->key.ptr[c->key.len - 1] == ' ' ? c->key.len - 1 : c->key.len;
	if (gg_i_buf_ok(&c->key) || (n && GG_ARRAY_PUSH_SLOT(c->hashes, c->n, c->cap))) {
		c->oom = true;
		return;
	}
	if (n)
		c->hashes[c->n++] = XXH3_64bits(c->key.ptr, n);
}

static int compare_hashes(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

size_t gg_i_name_count_finish(gg_i_name_count *c)
{
	size_t distinct = c->oom ? SIZE_MAX : 0;
	if (!c->oom && c->n) {
		qsort(c->hashes, c->n, sizeof(*c->hashes), compare_hashes);
		for (size_t k = 0; k < c->n; k++)
			distinct += !k || c->hashes[k] != c->hashes[k - 1];
	}
	free(c->hashes);
	gg_i_buf_free(&c->key);
	*c = (gg_i_name_count)GG_NAME_COUNT_INIT;
	return distinct;
}

static size_t find_slot(const gg_i_strmap *m, const char *key)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)gg_i_hash_bytes(key, strlen(key)) & mask;
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & mask;
	return i;
}

bool gg_i_strmap_get(const gg_i_strmap *m, const char *key, uint32_t *out)
{
	if (!m->cap)
		return false;
	size_t i = find_slot(m, key);
	if (!m->keys[i])
		return false;
	*out = m->values[i];
	return true;
}

bool gg_i_strmap_set(gg_i_strmap *m, const char *key, uint32_t value)
{
	if (!m->cap)
		return false;
	size_t i = find_slot(m, key);
	if (!m->keys[i])
		return false;
	m->values[i] = value;
	return true;
}

static int grow(gg_i_strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	gg_i_strmap bigger = { calloc(cap, sizeof(char *)), malloc(cap * sizeof(uint32_t)), cap, m->len };
	if (!bigger.keys || !bigger.values) {
		free(bigger.keys);
		free(bigger.values);
		return gg_i_error_oom();
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = find_slot(&bigger, m->keys[i]);
		bigger.keys[j] = m->keys[i];
		bigger.values[j] = m->values[i];
	}
	free(m->keys);
	free(m->values);
	*m = bigger;
	return 0;
}

int gg_i_strmap_put(gg_i_strmap *m, const char *key, uint32_t value, uint32_t *existing)
{
	if ((m->len + 1) * 4 > m->cap * 3) {
		int err = grow(m);
		if (err)
			return err;
	}
	size_t i = find_slot(m, key);
	if (m->keys[i]) {
		if (existing)
			*existing = m->values[i];
		return 0;
	}
	m->keys[i] = key;
	m->values[i] = value;
	m->len++;
	if (existing)
		*existing = value;
	return 1;
}

void gg_i_strmap_free(gg_i_strmap *m)
{
	free(m->keys);
	free(m->values);
	m->keys = NULL;
	m->values = NULL;
	m->cap = m->len = 0;
}
