/*
 * fuzz_xlsx.c - libFuzzer harness for the Excel reader: the input is the
 * workbook's one worksheet (xl/worksheets/sheet1.xml), packed with a
 * workbook naming it into a ZIP archive here (stored, with libzip), then
 * read as an .xlsx (invariants: reader_invariants.h; lines count the
 * sheet's rows, offsets the cells' text, not the archive's bytes).
 */
#include "reader_invariants.h"

#include <stdio.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char workbook[] =
	"<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
	"<sheet name=\"Glossary\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
	"Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* Add data as member `name` of z, stored; false when libzip fails. */
static bool add(zip_t *z, const char *name, const void *data, size_t size)
{
	zip_source_t *src = zip_source_buffer(z, data, size, 0);
	zip_int64_t i = src ? zip_file_add(z, name, src, ZIP_FL_OVERWRITE) : -1;
	if (i < 0)
		zip_source_free(src);
	return i >= 0 && zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0;
}

/* The workbook holding data as its sheet, malloc'd into *out; false when libzip fails. */
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
		ok = add(z, "xl/workbook.xml", workbook, sizeof(workbook) - 1) &&
		     add(z, "xl/_rels/workbook.xml.rels", workbook_rels, sizeof(workbook_rels) - 1) &&
		     add(z, "xl/worksheets/sheet1.xml", data, size) && zip_close(z) == 0;
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
	unsigned char *xlsx;
	size_t len;
	if (pack(data, size, &xlsx, &len)) {
		check_reader("fuzz.xlsx", xlsx, len, 0);
		free(xlsx);
	}
	return 0;
}
