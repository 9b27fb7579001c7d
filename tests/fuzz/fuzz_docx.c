/*
 * fuzz_docx.c - libFuzzer harness for the Word reader: the input is the
 * document's word/document.xml, packed into a ZIP archive here (stored,
 * with libzip), then read as a .docx (invariants: reader_invariants.h;
 * offsets count in the document's text, not in the archive's bytes).
 */
#include "reader_invariants.h"

#include <stdio.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* The archive holding data as word/document.xml, malloc'd into *out; false when libzip fails. */
static bool pack(const unsigned char *data, size_t size, unsigned char **out, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *archive = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = archive ? zip_open_from_source(archive, ZIP_TRUNCATE, &ze) : NULL;
	bool ok = false;
	*out = NULL;
	if (z) {
		zip_source_keep(archive);
		zip_source_t *doc = zip_source_buffer(z, data, size, 0);
		zip_int64_t i = doc ? zip_file_add(z, "word/document.xml", doc, ZIP_FL_OVERWRITE) : -1;
		if (i < 0)
			zip_source_free(doc);
		ok = i >= 0 && zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0 && zip_close(z) == 0;
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

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char *docx;
	size_t len;
	if (pack(data, size, &docx, &len)) {
		check_reader("fuzz.docx", docx, len, 0);
		free(docx);
	}
	return 0;
}
