/*
 * reader_invariants.h - what every structured reader's harness checks: any
 * bytes read without a crash; a file that fails leaves no entry behind; each
 * entry has a term, a trimmed definition of its stated length (empty only
 * where the format keeps undefined terms), a line inside
 * the file, editor links inside the definition, and each character's offset
 * inside the file.
 */
#ifndef GG_FUZZ_READER_INVARIANTS_H
#define GG_FUZZ_READER_INVARIANTS_H

#include "glossgraph.h"

#include <stdlib.h>
#include <string.h>

/* What check_reader holds to data's own bytes: the entries' lines, the
 * characters' offsets (not those of decoded strings, as JSON's; neither
 * for a Word document, whose lines and offsets count in its text). */
enum { IN_FILE_LINES = 1, IN_FILE_OFFSETS = 2 };

/* Read data as a file called `name`, build, and abort() on a broken invariant. */
static inline void check_reader(const char *name, const unsigned char *data, size_t size, unsigned in_file)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g) != 0)
		return;
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));
	int err = gg_glossary_read_buffer(g, name, (const char *)data, size);
	if (err == GG_EINPUT && gg_glossary_entry_count(g) != 0)
		abort(); /* a failed file half read */
	if (err == 0 && gg_glossary_build(g, NULL) == 0) {
		for (size_t i = 0; i < gg_glossary_entry_count(g); i++) {
			const gg_entry *e = gg_glossary_entry(g, i);
			size_t n = e->definition_len;
			if (!e->header[0] || strlen(e->definition) != n ||
			    (n && (e->definition[0] == ' ' || e->definition[n - 1] == ' ')))
				abort();
			if (e->line < 1 || ((in_file & IN_FILE_LINES) && e->line > lines))
				abort(); /* a line outside the file */
			for (size_t k = 0; k < e->n_xrefs; k++)
				if (e->xrefs[k].offset + e->xrefs[k].len > n || !e->xrefs[k].target)
					abort(); /* an editor link outside its definition */
			for (size_t p = 0; (in_file & IN_FILE_OFFSETS) && p < n; p++)
				if (((unsigned char)e->definition[p] & 0xC0) != 0x80 &&
				    gg_glossary_file_offset(g, i, p) >= size)
					abort(); /* a character placed outside the file */
		}
	}
	gg_glossary_free(g);
}

#endif
