/* read.h - the page readers behind gg_glossary_read_path/read_buffer. */
#ifndef GG_READ_READ_H
#define GG_READ_READ_H

#include "model/model.h"
#include "core/buf.h"

/*
 * Read a text page in the seed shape (page chrome, then entries: a header
 * line, a blank line, a definition, a blank line). Takes ownership of `data`,
 * which must be malloc'd with room for len + 1 bytes. Problems in the page
 * become diagnostics; returns 0 or GG_ENOMEM.
 */
int gg_i_read_text_page(gg_glossary *g, const char *name, char *data, size_t len);

/*
 * Read an HTML page's definition lists (<dl><dt>term</dt><dd>text</dd></dl>)
 * with libxml2's HTML parser; links to anchors inside a definition become
 * the entry's editor cross-references. Does not take `data`. Returns 0 or
 * GG_ENOMEM.
 */
int gg_i_read_html_page(gg_glossary *g, const char *name, const char *data, size_t len);

/*
 * Read a Word document (.docx, the bytes of its ZIP archive): its body
 * as HTML for gg_i_read_html_page (docx.c says how). Does not take `data`.
 * Returns 0 (a file that is no Word document skipped with a warning) or
 * GG_ENOMEM.
 */
int gg_i_read_docx(gg_glossary *g, const char *name, const char *data, size_t len);

/*
 * Read an OpenDocument text or spreadsheet (.odt, .ods: the bytes of its
 * ZIP archive; .fodt, .fods: its flat XML): its body as HTML for
 * gg_i_read_html_page (odf.c says how). Does not take `data`. Returns 0
 * (a file that is no such document skipped with a warning) or GG_ENOMEM.
 */
int gg_i_read_odf(gg_glossary *g, const char *name, const char *data, size_t len);

/*
 * Read an Excel workbook (.xlsx, the bytes of its ZIP archive): its
 * worksheets as HTML tables for gg_i_read_html_page (xlsx.c says how).
 * Does not take `data`. Returns 0 (a file that is no workbook skipped
 * with a warning) or GG_ENOMEM.
 */
int gg_i_read_xlsx(gg_glossary *g, const char *name, const char *data, size_t len);

/*
 * Read a DocBook document's glossaries (<glossary>, <glosslist>) as HTML
 * for gg_i_read_html_page (docbook.c says how). Does not take `data`.
 * Returns 0 (a file that is no XML, or has no glossary, skipped with a
 * warning) or GG_ENOMEM.
 */
int gg_i_read_docbook(gg_glossary *g, const char *name, const char *data, size_t len);

/* The input formats a reader is chosen for (by extension, content, or --format). */
typedef enum gg_i_input_format {
	GG_INPUT_AUTO,
	GG_INPUT_PAGE,
	GG_INPUT_HTML,
	GG_INPUT_MARKDOWN,
	GG_INPUT_CSV,
	GG_INPUT_TSV,
	GG_INPUT_JSON,
	GG_INPUT_SKOS,
	GG_INPUT_RST,
	GG_INPUT_ASCIIDOC,
	GG_INPUT_DOCX,
	GG_INPUT_ODF,
	GG_INPUT_XLSX,
	GG_INPUT_DOCBOOK,
	GG_INPUT_TEXINFO,
	GG_INPUT_YAML,
	GG_INPUT_LATEX
} gg_i_input_format;

/*
 * A file being read by one of the structured readers (source.c): its text,
 * BOM dropped and bad bytes replaced by U+FFFD (reported with file:line),
 * with the way back to the file's own line numbers and byte offsets.
 */
typedef struct gg_i_source {
	gg_glossary *g;
	const char *name;
	const char *text;   /* NUL-terminated, valid UTF-8, kept by the glossary */
	size_t len;
	size_t *lines;      /* byte position in text of each line's start */
	size_t n_lines, cap_lines;
	gg_i_offset_anchor *steps; /* text position -> file offset after a replacement */
	size_t n_steps, cap_steps;
	size_t before;      /* entries the glossary had when the file was opened */
} gg_i_source;

/*
 * Take the file's bytes (malloc'd, len + 1; the glossary keeps them) into
 * `src`. Returns 0 or GG_ENOMEM; `src` must be closed either way.
 */
int gg_i_source_open(gg_i_source *src, gg_glossary *g, const char *name, char *data, size_t len);
/* Release what the source holds (the text stays with the glossary). */
void gg_i_source_close(gg_i_source *src);
/* The 1-based line of text position `pos`. O(log lines). */
uint32_t gg_i_source_line(const gg_i_source *src, size_t pos);
/* The file's byte offset of text position `pos`. */
uint64_t gg_i_source_offset(const gg_i_source *src, size_t pos);
/*
 * Fail the whole file: drop the entries read from it, and set the error
 * "NAME:LINE: message" (line 0: no line). Returns GG_EINPUT.
 */
int gg_i_source_fail(gg_i_source *src, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Where a reader is in an entry's definition: see record.c. */
typedef struct gg_i_record {
	gg_i_source *src;
	uint32_t line;
	gg_i_buf names;         /* NUL-separated: the term, then aliases */
	gg_i_buf abbrevs;       /* NUL-separated */
	gg_i_buf categories;    /* NUL-separated */
	gg_i_buf definition;
	gg_i_offset_anchor *anchors; /* definition position -> text position */
	size_t n_anchors, cap_anchors;
	gg_xref *xrefs;       /* offsets in the definition; targets in the arena */
	size_t n_xrefs, cap_xrefs;
	bool pending_space;
	bool keep_undefined;  /* keep an entry without a definition (as a term) */
} gg_i_record;

/* Start an entry whose place is text position `at` of the source. */
void gg_i_record_init(gg_i_record *r, gg_i_source *src, size_t at);
void gg_i_record_free(gg_i_record *r);
/* Add a name (the first is the term, then aliases), folded to one line. */
void gg_i_record_name(gg_i_record *r, const char *s, size_t n);
void gg_i_record_abbrev(gg_i_record *r, const char *s, size_t n);
void gg_i_record_category(gg_i_record *r, const char *s, size_t n);
/*
 * Append s[0..n) to the definition, white space runs folded to one space;
 * `at` is where s starts in the source text (SIZE_MAX: not in the text, as
 * a decoded JSON string; offsets then count within the definition).
 */
void gg_i_record_text(gg_i_record *r, const char *s, size_t n, size_t at);
/* The definition's length so far, trailing space included once folded. */
size_t gg_i_record_mark(gg_i_record *r);
/*
 * An editor link to `target` whose text is definition[from, now); the
 * target string is copied. A link with no text (a stated relation) has
 * from == gg_i_record_mark(r).
 */
int gg_i_record_xref(gg_i_record *r, const char *target, size_t target_len, size_t from);
/*
 * Add the entry to the glossary, or, without a term or a definition, report
 * it (with its line) and skip it (kept without a definition when the
 * record says keep_undefined). Frees nothing: call gg_i_record_free.
 * Returns 0 or GG_ENOMEM.
 */
int gg_i_record_finish(gg_i_record *r);

/* What a CSV column or a JSON key holds, by its name. */
typedef enum gg_i_field {
	GG_FIELD_NONE,
	GG_FIELD_TERM,
	GG_FIELD_DEFINITION,
	GG_FIELD_ALIASES,
	GG_FIELD_ABBREV,
	GG_FIELD_CATEGORY,
	GG_FIELD_RELATED
} gg_i_field;

/*
 * The field a column or key name s[0..n) stands for, in any case, with
 * '_', '-' and spaces alike ("Alternative names", "see_also").
 */
gg_i_field gg_i_field_named(const char *s, size_t n);

/*
 * Where a glossary term line s[a, b) ends before its classifier ("term :
 * classifier", as Sphinx writes one): at the first " : ", else b.
 */
size_t gg_i_term_end(const char *s, size_t a, size_t b);

/* Columns of a table (Markdown, reST) past this many are passed over. */
#define GG_TABLE_MAX_COLUMNS 32

/*
 * What each of a table's n columns holds, past what its header named
 * (columns[c], GG_FIELD_NONE where it named nothing): when no column is the
 * term's, the first (if unnamed); when none is the definition's, the
 * unnamed column with the most text (text[c] bytes over the rows).
 */
void gg_i_table_columns(gg_i_field *columns, size_t n, const size_t *text);

/*
 * Add s[0..n) to the record as one value of field f, not split: a name, an
 * abbreviation, a category, an editor link's target (trimmed; a blank one
 * is passed over), or definition text from source offset `at` (as
 * gg_i_record_text). Returns 0, or the error of gg_i_record_xref.
 */
int gg_i_record_item(gg_i_record *r, gg_i_field f, const char *s, size_t n, size_t at);
/* As gg_i_record_item, with the list fields split on ';' or '|' into items. */
int gg_i_record_field(gg_i_record *r, gg_i_field f, const char *s, size_t n, size_t at);

/* The readers of the structured formats: take `data` (malloc'd, len + 1). */
int gg_i_read_markdown(gg_glossary *g, const char *name, char *data, size_t len);
/* separator: '\t' for TSV; ',' for CSV, or ';' where the header row holds more of those. */
int gg_i_read_csv(gg_glossary *g, const char *name, char *data, size_t len, char separator);
int gg_i_read_json(gg_glossary *g, const char *name, char *data, size_t len);
int gg_i_read_skos(gg_glossary *g, const char *name, char *data, size_t len);
int gg_i_read_rst(gg_glossary *g, const char *name, char *data, size_t len);
int gg_i_read_asciidoc(gg_glossary *g, const char *name, char *data, size_t len);
int gg_i_read_texinfo(gg_glossary *g, const char *name, char *data, size_t len);
int gg_i_read_yaml(gg_glossary *g, const char *name, char *data, size_t len);
int gg_i_read_latex(gg_glossary *g, const char *name, char *data, size_t len);

#endif
