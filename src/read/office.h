/* office.h - what the Word and OpenDocument readers share: the ZIP package, its XML members, the HTML they write. */
#ifndef GG_READ_OFFICE_H
#define GG_READ_OFFICE_H

#include "core/buf.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

/* Whether n is an element of local name `name` (any namespace: documents vary in prefixes). */
bool gg_i_office_is(const xmlNode *n, const char *name);

/* The first child element of n (may be NULL) of local name `name`, or NULL. */
xmlNode *gg_i_office_child(const xmlNode *n, const char *name);

/* The value of n's attribute of local name `name`, malloc'd by libxml2 (xmlFree), or NULL. */
xmlChar *gg_i_office_attr(const xmlNode *n, const char *name);

/*
 * Whether a font face names a monospace font, as program text is set: the
 * families by name ("Courier New", "Consolas") and faces with "Mono" or
 * "Code" as a word ("DejaVu Sans Mono", "Fira Code"; not "Monotype
 * Corsiva"). NULL is none.
 */
bool gg_i_office_monospace_face(const char *face);

/* The HTML an office reader writes, and the formatting open at its end. */
typedef struct gg_i_office_html {
	gg_i_buf out;
	bool bold; /* a <b> is open */
	bool code; /* a <code> is open (inside the <b> when both are) */
} gg_i_office_html;

/* Append s to h->out with &, <, > and " escaped, line breaks and tabs as spaces. */
void gg_i_office_put_text(gg_i_office_html *h, const char *s);

/* Open or close <b> and <code> so that the text that follows is bold and code or not. */
void gg_i_office_set_format(gg_i_office_html *h, bool bold, bool code);

/* n line breaks inserted at byte `at` of h's HTML (before a row just written there). */
void gg_i_office_insert_lines(gg_i_office_html *h, size_t at, size_t n);

/*
 * The archive in data[0, len) opened (read only; data stays the caller's
 * and must outlive *z, which zip_discard frees). Returns 0, or 1 when it is
 * no ZIP archive (why in `why`).
 */
int gg_i_office_open(const char *data, size_t len, zip_t **z, char *why, size_t size);

/*
 * Member `member` of the archive, whole and NUL-terminated, into out (at
 * most 64 MB unpacked: a glossary's document is a few MB, and a ZIP
 * bomb's member would fill memory). Returns 0; 1 when the archive has no
 * such member (out left empty); 2 (why in `why`) when it cannot be
 * unpacked or is too big; GG_ENOMEM.
 */
int gg_i_office_read_member(zip_t *z, const char *member, gg_i_buf *out, char *why, size_t size);

/*
 * The member that relationship part `rels` (such as "_rels/.rels" or
 * "xl/_rels/workbook.xml.rels") names by a relationship whose Type ends
 * in `type_end` (when not NULL) or whose Id is `id` (when not NULL), into
 * out: its Target, read from folder `base` ("", "xl/") unless it starts
 * with '/'. Returns 1 when found, 0 when not (out untouched), GG_ENOMEM.
 */
int gg_i_office_relationship(zip_t *z, const char *rels, const char *base, const char *type_end,
			     const char *id, char *out, size_t size);

/* The package's main part (its officeDocument relationship) into main; `fallback` when none is named. 0 or GG_ENOMEM. */
int gg_i_office_main_part(zip_t *z, const char *fallback, char *main, size_t size);

/* Whether a package's main part is an Excel workbook (".../workbook.xml"), not a Word document. */
bool gg_i_office_is_workbook(const char *main);

/* XML xml[0, len) of member `member` parsed (no network), or NULL (why in `why`). */
xmlDocPtr gg_i_office_parse(const char *member, const char *xml, size_t len, char *why, size_t size);

#endif
