/* office.h - what the Word, OpenDocument and Excel readers share: the ZIP package, its XML members, the HTML they write. */
#ifndef GG_READ_OFFICE_H
#define GG_READ_OFFICE_H

#include "core/arena.h"
#include "core/buf.h"
#include "model/model.h"

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

/* HTML an office reader writes past this many bytes is left out (a small
 * file can repeat a long text many times over). */
#define GG_I_OFFICE_MAX_HTML ((size_t)128 << 20)

/* The HTML an office reader writes, the formatting open at its end, and what it could not read. */
typedef struct gg_i_office_html {
	gg_i_buf out;
	bool bold;        /* a <b> is open */
	bool code;        /* a <code> is open (inside the <b> when both are) */
	bool full;        /* past GG_I_OFFICE_MAX_HTML: nothing more written */
	char problem[256]; /* the first part left out, and why */
	size_t problems;   /* parts left out */
} gg_i_office_html;

/* Note a part left out (printf-style): the first one is told, the others counted. */
void gg_i_office_problem(gg_i_office_html *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Whether h is full (GG_I_OFFICE_MAX_HTML): noted as a problem the first time. */
bool gg_i_office_full(gg_i_office_html *h);

/* Warn (file `name`) of what h could not read: 0 or GG_ENOMEM. */
int gg_i_office_warn_problems(gg_glossary *g, const char *name, const gg_i_office_html *h);

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

/* A package's relationship: its Id, its Type, and the member it names (a path from the package's root). */
typedef struct gg_i_office_relation {
	const char *id, *type, *target;
} gg_i_office_relation;

/*
 * The relationships of part `rels` (such as "_rels/.rels" or
 * "xl/_rels/workbook.xml.rels"), their targets read from folder `base`
 * ("", "xl/"; "." and ".." steps taken, a target starting with '/' from
 * the root), into *out (malloc'd, the strings in arena a) and *n. Returns
 * 0 (none when the part is missing), 2 when it cannot be read (why in
 * `why`), GG_ENOMEM.
 */
int gg_i_office_relationships(zip_t *z, const char *rels, const char *base, gg_i_arena *a,
			      gg_i_office_relation **out, size_t *n, char *why, size_t size);

/* Whether relationship r's Type ends in `type_end` ("/officeDocument", "/worksheet"). */
bool gg_i_office_type_is(const gg_i_office_relation *r, const char *type_end);

/* The package's main part (its officeDocument relationship) into main; `fallback` when none is named. 0 or GG_ENOMEM. */
int gg_i_office_main_part(zip_t *z, const char *fallback, char *main, size_t size);

/* Whether a package's main part is an Excel workbook (".../workbook.xml"), not a Word document. */
bool gg_i_office_is_workbook(const char *main);

/* XML xml[0, len) of member `member` parsed (no network), or NULL (why in `why`). */
xmlDocPtr gg_i_office_parse(const char *member, const char *xml, size_t len, char *why, size_t size);

#endif
