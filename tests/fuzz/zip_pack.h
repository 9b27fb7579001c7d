/*
 * zip_pack.h - what the office readers' harnesses share: members packed
 * into a ZIP archive in memory (stored, with libzip), as a document's.
 */
#ifndef GG_FUZZ_ZIP_PACK_H
#define GG_FUZZ_ZIP_PACK_H

#include <stdbool.h>
#include <stdlib.h>
#include <zip.h>

/* One member: its name and bytes (not copied; they outlive the packing). */
typedef struct zip_member {
	const char *name;
	const void *data;
	size_t size;
} zip_member;

/* Add m to z, stored; false when libzip fails. */
static inline bool zip_pack_add(zip_t *z, const zip_member *m)
{
	zip_source_t *src = zip_source_buffer(z, m->data, m->size, 0);
	zip_int64_t i = src ? zip_file_add(z, m->name, src, ZIP_FL_OVERWRITE) : -1;
	if (i < 0)
		zip_source_free(src);
	return i >= 0 && zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0;
}

/* The archive of members[0, n), malloc'd into *out and *len; false when libzip fails. */
static inline bool zip_pack(const zip_member *members, size_t n, unsigned char **out, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *archive = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = archive ? zip_open_from_source(archive, ZIP_TRUNCATE, &ze) : NULL;
	bool ok = false;
	*out = NULL;
	if (z) {
		zip_source_keep(archive);
		ok = true;
		for (size_t i = 0; i < n && ok; i++)
			ok = zip_pack_add(z, &members[i]);
		ok = ok && zip_close(z) == 0;
		if (!ok)
			zip_discard(z);
	}
	zip_stat_t st;
	if (ok && zip_source_open(archive) == 0) {
		ok = zip_source_stat(archive, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && (*out = malloc(st.size + 1));
		*len = ok ? (size_t)zip_source_read(archive, *out, st.size) : 0;
		ok = ok && *len == st.size;
		zip_source_close(archive);
	} else {
		ok = false;
	}
	zip_source_free(archive);
	zip_error_fini(&ze);
	if (!ok) {
		free(*out);
		*out = NULL;
	}
	return ok;
}

#endif
