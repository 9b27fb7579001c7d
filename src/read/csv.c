/*
 * csv.c - reader for glossaries kept as CSV or TSV with a header row
 * (RFC 4180 quoting): columns are found by their names (record.c); a file
 * of two columns without one is read as term and definition. CSV written
 * with ';' between fields (spreadsheets where ',' is the decimal mark) is
 * told by its header row.
 */
#include "read/read.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

/* Columns past this many in one row are passed over. */
#define MAX_COLUMNS 256

/* One field as it stands in the text: [start, end), quotes included. */
typedef struct field {
	size_t start, end;
} field;

typedef struct csv_reader {
	gg_i_source *src;
	char sep;
	size_t pos;
	field fields[MAX_COLUMNS];
	size_t n_fields;
} csv_reader;

/*
 * Cut the row at r->pos into fields, leaving r->pos at the next row.
 * Returns 0, or GG_EINPUT (the file failed) at an unterminated quote.
 */
static int next_row(csv_reader *r)
{
	const char *t = r->src->text;
	size_t len = r->src->len, p = r->pos;
	r->n_fields = 0;
	for (;;) {
		size_t start = p;
		if (p < len && t[p] == '"') {
			for (p++;; p++) {
				if (p >= len)
					return gg_i_source_fail(r->src, gg_i_source_line(r->src, start),
								"quoted field without its closing quote");
				if (t[p] == '"' && p + 1 < len && t[p + 1] == '"')
					p++;
				else if (t[p] == '"')
					break;
			}
			p++;
		}
		while (p < len && t[p] != r->sep && t[p] != '\n' && t[p] != '\r')
			p++;
		if (r->n_fields < MAX_COLUMNS)
			r->fields[r->n_fields++] = (field){ start, p };
		if (p < len && t[p] == r->sep) {
			p++;
			continue;
		}
		if (p < len && t[p] == '\r' && p + 1 < len && t[p + 1] == '\n')
			p++;
		r->pos = p < len ? p + 1 : len;
		return 0;
	}
}

/*
 * Hand field f's text to `put` in pieces, quotes and doubled quotes taken
 * out, each piece with its place in the text.
 */
static void field_pieces(const csv_reader *r, field f, void (*put)(void *, const char *, size_t, size_t),
			 void *payload)
{
	const char *t = r->src->text;
	size_t p = f.start;
	if (p < f.end && t[p] == '"') {
		size_t from = ++p;
		while (p < f.end) {
			if (t[p] != '"') {
				p++;
			} else if (p + 1 < f.end && t[p + 1] == '"') {
				put(payload, t + from, p + 1 - from, from); /* one quote of the two */
				p += 2;
				from = p;
			} else {
				break;
			}
		}
		if (p > from)
			put(payload, t + from, p - from, from);
		if (p < f.end)
			p++; /* the closing quote */
	}
	if (p < f.end)
		put(payload, t + p, f.end - p, p);
}

static void put_buf(void *payload, const char *s, size_t n, size_t at)
{
	(void)at;
	gg_i_buf_put(payload, s, n);
}

static void put_definition(void *payload, const char *s, size_t n, size_t at)
{
	gg_i_record_text(payload, s, n, at);
}

/* Whether every field of the current row is empty, white space or "". */
static bool row_is_blank(const csv_reader *r)
{
	for (size_t i = 0; i < r->n_fields; i++) {
		size_t n = r->fields[i].end - r->fields[i].start;
		const char *s = gg_i_trim(r->src->text + r->fields[i].start, &n);
		if (n && !(n == 2 && s[0] == '"' && s[1] == '"'))
			return false;
	}
	return true;
}

/* Read one data row into an entry (or report it skipped). */
static int read_row(csv_reader *r, const gg_i_field *columns, size_t row_start)
{
	gg_i_record rec;
	gg_i_buf value = GG_BUF_INIT;
	int err = 0;
	gg_i_record_init(&rec, r->src, row_start);
	/* the term first, whatever its column, so that aliases follow it */
	for (int pass = 0; pass < 2 && !err; pass++) {
		for (size_t i = 0; i < r->n_fields && !err; i++) {
			gg_i_field f = columns[i];
			if (f == GG_FIELD_NONE || (pass == 0) != (f == GG_FIELD_TERM))
				continue;
			if (f == GG_FIELD_DEFINITION) {
				if (rec.definition.len) /* a second definition column goes on after a space */
					gg_i_record_text(&rec, "\n", 1, SIZE_MAX);
				field_pieces(r, r->fields[i], put_definition, &rec);
				continue;
			}
			gg_i_buf_clear(&value);
			field_pieces(r, r->fields[i], put_buf, &value);
			if ((err = gg_i_buf_ok(&value)))
				break;
			err = gg_i_record_field(&rec, f, value.ptr ? value.ptr : "", value.len, r->fields[i].start);
		}
	}
	if (!err)
		err = gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	gg_i_buf_free(&value);
	return err;
}

/* The header's column names, as "a, b, c", for the error message. */
static void column_list(const csv_reader *r, gg_i_buf *out)
{
	for (size_t i = 0; i < r->n_fields; i++) {
		if (i)
			gg_i_buf_puts(out, ", ");
		gg_i_buf_putc(out, '\'');
		size_t before = out->len;
		field_pieces(r, r->fields[i], put_buf, out);
		if (out->len - before > 40)
			out->len = before + 40;
		gg_i_buf_putc(out, '\'');
	}
}

/*
 * ';' when the row at text[pos] holds more ';' than ',' outside quotes and,
 * cut at them, names a column (a header row: a headerless row of data
 * with ';' in its text stays comma-separated), else ','.
 */
static char comma_or_semicolon(const char *text, size_t len, size_t pos)
{
	size_t commas = 0, semicolons = 0, start = pos;
	bool quoted = false, named = false;
	for (;; pos++) {
		bool row_end = pos == len || (!quoted && (text[pos] == '\n' || text[pos] == '\r'));
		if (row_end || (!quoted && text[pos] == ';')) {
			size_t n = pos - start;
			const char *name = gg_i_trim(text + start, &n);
			if (n >= 2 && name[0] == '"' && name[n - 1] == '"') {
				name++;
				n -= 2;
			}
			named |= gg_i_field_named(name, n) != GG_FIELD_NONE;
			if (row_end)
				break;
			semicolons++;
			start = pos + 1;
		} else {
			quoted ^= text[pos] == '"';
			commas += !quoted && text[pos] == ',';
		}
	}
	return semicolons > commas && named ? ';' : ',';
}

int gg_i_read_csv(gg_glossary *g, const char *name, char *data, size_t len, char separator)
{
	gg_i_source src;
	csv_reader *r = NULL;
	gg_i_field *columns = NULL;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err)
		goto cleanup;
	if (!(r = calloc(1, sizeof(*r))) || !(columns = calloc(MAX_COLUMNS, sizeof(*columns)))) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	r->src = &src;
	r->sep = separator;
	while (r->pos < src.len && (src.text[r->pos] == '\n' || src.text[r->pos] == '\r'))
		r->pos++;
	if (r->pos >= src.len) {
		err = gg_i_glossary_warn(g, name, 0, "empty file");
		goto cleanup;
	}
	size_t header_at = r->pos;
	if (separator == ',')
		r->sep = comma_or_semicolon(src.text, src.len, header_at);
	if ((err = next_row(r)))
		goto cleanup;
	bool term = false, definition = false, named = false;
	for (size_t i = 0; i < r->n_fields; i++) {
		gg_i_buf col = GG_BUF_INIT;
		field_pieces(r, r->fields[i], put_buf, &col);
		if (col.oom) {
			gg_i_buf_free(&col);
			err = gg_i_error_oom();
			goto cleanup;
		}
		columns[i] = gg_i_field_named(col.ptr ? col.ptr : "", col.len);
		gg_i_buf_free(&col);
		term |= columns[i] == GG_FIELD_TERM;
		definition |= columns[i] == GG_FIELD_DEFINITION;
		named |= columns[i] != GG_FIELD_NONE;
	}
	if (!named && r->n_fields == 2) {
		/* two columns and no name among them: no header, a term and its definition */
		columns[0] = GG_FIELD_TERM;
		columns[1] = GG_FIELD_DEFINITION;
		term = definition = true;
		r->pos = header_at;
		if ((err = gg_i_glossary_warn(g, name, gg_i_source_line(&src, header_at),
					      "no column named in the first row: the two columns read as term and "
					      "definition, that row an entry too")))
			goto cleanup;
	}
	if (!term || !definition) {
		gg_i_buf cols = GG_BUF_INIT;
		column_list(r, &cols);
		err = gg_i_buf_ok(&cols) ? gg_i_error_oom()
			: gg_i_source_fail(&src, gg_i_source_line(&src, header_at),
					   "no %s column (a header row naming term and definition is needed); the columns are %.300s",
					   term ? "definition" : "term", cols.ptr ? cols.ptr : "");
		gg_i_buf_free(&cols);
		goto cleanup;
	}
	size_t before = g->n_entries;
	while (!err && r->pos < src.len) {
		size_t row_start = r->pos;
		if ((err = next_row(r)))
			break;
		if (!row_is_blank(r))
			err = read_row(r, columns, row_start);
	}
	if (!err && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "no entries in this file");
cleanup:
	free(r);
	free(columns);
	gg_i_source_close(&src);
	return err;
}
