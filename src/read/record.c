/* record.c - builds one entry of a structured format (Markdown, CSV, JSON, SKOS). */
#include "read/read.h"
#include "core/error.h"
#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void gg_i_record_init(gg_i_record *r, gg_i_source *src, size_t at)
{
	memset(r, 0, sizeof(*r));
	r->src = src;
	r->line = gg_i_source_line(src, at);
}

void gg_i_record_free(gg_i_record *r)
{
	gg_i_buf_free(&r->names);
	gg_i_buf_free(&r->abbrevs);
	gg_i_buf_free(&r->categories);
	gg_i_buf_free(&r->definition);
	free(r->anchors);
	free(r->xrefs);
	memset(r, 0, sizeof(*r));
}

/* Append s[0..n) to a NUL-separated list, trimmed, white space folded and bad bytes replaced. */
static void list_put(gg_i_buf *list, const char *s, size_t n)
{
	gg_i_buf clean = GG_BUF_INIT;
	if (gg_i_utf8_count_bad(s, n)) {
		gg_i_utf8_sanitize(&clean, s, n);
		s = clean.ptr ? clean.ptr : "";
		n = clean.len;
		if (clean.oom)
			list->oom = true;
	}
	size_t start = list->len;
	for (size_t i = 0; i < n; i++) {
		if (!is_space(s[i]))
			gg_i_buf_putc(list, s[i]);
		else if (list->len > start && list->ptr[list->len - 1] != ' ')
			gg_i_buf_putc(list, ' ');
	}
	while (list->len > start && list->ptr[list->len - 1] == ' ')
		list->len--;
	if (list->len > start)
		gg_i_buf_put(list, "", 1); /* the separator NUL */
	gg_i_buf_free(&clean);
}

void gg_i_record_name(gg_i_record *r, const char *s, size_t n)
{
	list_put(&r->names, s, n);
}

void gg_i_record_abbrev(gg_i_record *r, const char *s, size_t n)
{
	list_put(&r->abbrevs, s, n);
}

void gg_i_record_category(gg_i_record *r, const char *s, size_t n)
{
	list_put(&r->categories, s, n);
}

/* Note that definition bytes from here on follow source text from `at`. */
static void anchor(gg_i_record *r, size_t at)
{
	if (r->n_anchors && r->anchors[r->n_anchors - 1].pos == r->definition.len) {
		r->anchors[r->n_anchors - 1].offset = at;
		return;
	}
	if (GG_ARRAY_PUSH_SLOT(r->anchors, r->n_anchors, r->cap_anchors)) {
		r->definition.oom = true;
		return;
	}
	r->anchors[r->n_anchors++] = (gg_i_offset_anchor){ r->definition.len, at };
}

void gg_i_record_text(gg_i_record *r, const char *s, size_t n, size_t at)
{
	gg_i_buf clean = GG_BUF_INIT;
	if (at == SIZE_MAX && gg_i_utf8_count_bad(s, n)) {
		gg_i_utf8_sanitize(&clean, s, n);
		s = clean.ptr ? clean.ptr : "";
		n = clean.len;
		if (clean.oom)
			r->definition.oom = true;
	}
	bool follows = false; /* the last byte put came from s[i - 1] */
	bool wrote = false;   /* a byte of s was put */
	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i])) {
			r->pending_space = r->definition.len > 0;
			follows = false;
			continue;
		}
		if (r->pending_space) {
			/* a space left by an earlier piece stands where this one's text
			 * starts: after a mark placed on the file's last byte, the byte
			 * past it would be outside the file (a space of this piece is
			 * its own byte, after the text before it) */
			if (!wrote && at != SIZE_MAX)
				anchor(r, at + i);
			gg_i_buf_putc(&r->definition, ' ');
			r->pending_space = false;
		}
		if (!follows && at != SIZE_MAX)
			anchor(r, at + i);
		gg_i_buf_putc(&r->definition, s[i]);
		follows = wrote = true;
	}
	gg_i_buf_free(&clean);
}

size_t gg_i_record_mark(gg_i_record *r)
{
	if (r->pending_space) {
		gg_i_buf_putc(&r->definition, ' ');
		r->pending_space = false;
	}
	return r->definition.len;
}

int gg_i_record_xref(gg_i_record *r, const char *target, size_t target_len, size_t from)
{
	size_t to = r->definition.len;
	if (from > to)
		from = to;
	char *copy = gg_i_arena_strndup(&r->src->g->arena, target, target_len);
	if (!copy || GG_ARRAY_PUSH_SLOT(r->xrefs, r->n_xrefs, r->cap_xrefs))
		return gg_i_error_oom();
	r->xrefs[r->n_xrefs++] = (gg_xref){ copy, from, to - from };
	return 0;
}

/* The NUL-separated list in the arena, as an array (NULL when empty). */
static const char **list_to_arena(gg_i_arena *a, const gg_i_buf *list, size_t *count, bool *oom)
{
	size_t n = 0;
	for (size_t i = 0; i < list->len; i++)
		n += list->ptr[i] == '\0';
	*count = n;
	if (!n)
		return NULL;
	const char **items = gg_i_arena_alloc(a, n * sizeof(*items));
	char *copy = gg_i_arena_strndup(a, list->ptr, list->len);
	if (!items || !copy) {
		*oom = true;
		return NULL;
	}
	for (size_t i = 0, k = 0; k < n; k++) {
		items[k] = copy + i;
		i += strlen(copy + i) + 1;
	}
	return items;
}

/* The index of the first replacement step of src at or after clean-text position pos. */
static size_t first_step_from(const gg_i_source *src, size_t pos)
{
	size_t lo = 0, hi = src->n_steps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->steps[mid].pos < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The clean-text span [from, to) that definition bytes from anchor i follow. */
static void anchor_span(const gg_i_record *r, size_t i, size_t *from, size_t *to)
{
	gg_i_offset_anchor a = r->anchors[i];
	size_t end = i + 1 < r->n_anchors ? r->anchors[i + 1].pos : r->definition.len;
	*from = a.offset + 1;
	*to = a.offset + (end - a.pos);
}

/*
 * The way from definition positions back to file offsets: each anchor, and
 * within its span each place where the source replaced bad bytes. The map
 * lives in the glossary's arena and holds only the steps inside the record's
 * spans; *first is the file offset of the first anchor. NULL when out of memory.
 */
static gg_i_offset_map *offset_map(gg_i_record *r, uint64_t *first)
{
	gg_i_source *src = r->src;
	size_t n = r->n_anchors, from, to;
	for (size_t i = 0; i < r->n_anchors; i++) {
		anchor_span(r, i, &from, &to);
		if (to > from)
			n += first_step_from(src, to) - first_step_from(src, from);
	}
	gg_i_offset_map *m = gg_i_arena_alloc(&src->g->arena, sizeof(*m) + n * sizeof(m->anchors[0]));
	if (!m)
		return NULL;
	m->n = 0;
	for (size_t i = 0; i < r->n_anchors; i++) {
		gg_i_offset_anchor a = r->anchors[i];
		anchor_span(r, i, &from, &to);
		m->anchors[m->n++] = (gg_i_offset_anchor){ a.pos, gg_i_source_offset(src, a.offset) };
		for (size_t k = first_step_from(src, from); k < src->n_steps && src->steps[k].pos < to; k++)
			m->anchors[m->n++] = (gg_i_offset_anchor){ a.pos + (src->steps[k].pos - a.offset),
								 src->steps[k].offset };
	}
	*first = m->anchors[0].offset;
	return m;
}

int gg_i_record_finish(gg_i_record *r)
{
	gg_glossary *g = r->src->g;
	const char *file = r->src->name;
	bool oom = !!gg_i_buf_ok(&r->names) || !!gg_i_buf_ok(&r->abbrevs) ||
		   !!gg_i_buf_ok(&r->categories) || !!gg_i_buf_ok(&r->definition);
	if (oom)
		return gg_i_error_oom();
	if (!r->names.len) {
		g->stats.skipped_lines++;
		return gg_i_glossary_warn(g, file, r->line, "an entry without a term skipped");
	}
	if (!r->definition.len && r->keep_undefined) {
		int err = gg_i_glossary_warn(g, file, r->line, "'%.80s' has no definition; kept as a term without one",
					     r->names.ptr);
		if (err)
			return err;
	} else if (!r->definition.len) {
		g->stats.skipped_lines++;
		return gg_i_glossary_warn(g, file, r->line, "'%.80s' has no definition; skipped", r->names.ptr);
	}

	while (r->definition.len && r->definition.ptr[r->definition.len - 1] == ' ')
		r->definition.len--; /* a space a link mark put last */
	for (size_t i = 0; i < r->n_xrefs; i++) {
		gg_xref *x = &r->xrefs[i];
		if (x->offset > r->definition.len)
			x->offset = r->definition.len;
		if (x->len > r->definition.len - x->offset)
			x->len = r->definition.len - x->offset;
	}

	gg_entry e = { 0 };
	const gg_i_offset_map *map = NULL;
	size_t n_names = 0;
	const char **names = list_to_arena(&g->arena, &r->names, &n_names, &oom);
	e.file = file;
	e.line = r->line;
	e.header = names ? names[0] : NULL;
	e.header_is_name = true;
	e.header_offset = gg_i_source_offset(r->src, r->src->lines[r->line - 1]);
	e.names = n_names > 1 ? names + 1 : NULL;
	e.n_names = n_names > 1 ? n_names - 1 : 0;
	e.abbrevs = list_to_arena(&g->arena, &r->abbrevs, &e.n_abbrevs, &oom);
	e.categories = list_to_arena(&g->arena, &r->categories, &e.n_categories, &oom);
	e.definition = gg_i_arena_strndup(&g->arena, r->definition.ptr ? r->definition.ptr : "", r->definition.len);
	e.definition_len = r->definition.len;
	if (r->n_anchors && !(map = offset_map(r, &e.offset)))
		oom = true;
	else if (!r->definition.len)
		e.offset = e.header_offset; /* the place of its stated links: the entry's, not the file's start */
	if (r->n_xrefs) {
		gg_xref *x = gg_i_arena_alloc(&g->arena, r->n_xrefs * sizeof(*x));
		if (x)
			memcpy(x, r->xrefs, r->n_xrefs * sizeof(*x));
		e.xrefs = x;
		e.n_xrefs = r->n_xrefs;
		oom |= !x;
	}
	if (oom || !e.header || !e.definition)
		return gg_i_error_oom();
	return gg_i_glossary_add_entry(g, &e, map);
}

gg_i_field gg_i_field_named(const char *s, size_t n)
{
	static const struct {
		const char *name;
		gg_i_field field;
	} names[] = {
		{ "term", GG_FIELD_TERM }, { "name", GG_FIELD_TERM },
		{ "headword", GG_FIELD_TERM }, { "title", GG_FIELD_TERM },
		{ "word", GG_FIELD_TERM }, { "terms", GG_FIELD_TERM }, { "concept", GG_FIELD_TERM },
		{ "entry", GG_FIELD_TERM }, { "preferred term", GG_FIELD_TERM },
		{ "definition", GG_FIELD_DEFINITION }, { "description", GG_FIELD_DEFINITION },
		{ "meaning", GG_FIELD_DEFINITION }, { "explanation", GG_FIELD_DEFINITION },
		{ "gloss", GG_FIELD_DEFINITION }, { "definitions", GG_FIELD_DEFINITION },
		{ "aliases", GG_FIELD_ALIASES }, { "alias", GG_FIELD_ALIASES },
		{ "synonyms", GG_FIELD_ALIASES }, { "synonym", GG_FIELD_ALIASES },
		{ "alternative names", GG_FIELD_ALIASES }, { "alternative name", GG_FIELD_ALIASES },
		{ "also known as", GG_FIELD_ALIASES }, { "aka", GG_FIELD_ALIASES },
		{ "other names", GG_FIELD_ALIASES }, { "variants", GG_FIELD_ALIASES },
		{ "abbreviation", GG_FIELD_ABBREV }, { "abbreviations", GG_FIELD_ABBREV },
		{ "acronym", GG_FIELD_ABBREV }, { "acronyms", GG_FIELD_ABBREV },
		{ "category", GG_FIELD_CATEGORY }, { "categories", GG_FIELD_CATEGORY },
		{ "domain", GG_FIELD_CATEGORY }, { "tags", GG_FIELD_CATEGORY }, { "tag", GG_FIELD_CATEGORY },
		{ "topic", GG_FIELD_CATEGORY }, { "topics", GG_FIELD_CATEGORY },
		{ "subject", GG_FIELD_CATEGORY },
		{ "related", GG_FIELD_RELATED }, { "see also", GG_FIELD_RELATED },
		{ "related terms", GG_FIELD_RELATED }, { "related term", GG_FIELD_RELATED },
		{ "related concepts", GG_FIELD_RELATED }, { "see", GG_FIELD_RELATED },
		{ "cross references", GG_FIELD_RELATED }, { "cross reference", GG_FIELD_RELATED },
	};
	char key[32];
	size_t k = 0;
	const char *t = gg_i_trim(s, &n);
	for (size_t i = 0; i < n; i++) {
		char c = gg_i_ascii_lower(t[i]);
		if (c == '_' || c == '-')
			c = ' ';
		if (k + 1 >= sizeof(key))
			return GG_FIELD_NONE;
		key[k++] = c;
	}
	key[k] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(key, names[i].name) == 0)
			return names[i].field;
	return GG_FIELD_NONE;
}

size_t gg_i_term_end(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i + 3 <= b; i++)
		if (s[i] == ' ' && s[i + 1] == ':' && s[i + 2] == ' ')
			return i;
	return b;
}

void gg_i_table_columns(gg_i_field *columns, size_t n, const size_t *text)
{
	bool term = false, definition = false;
	for (size_t c = 0; c < n; c++) {
		term |= columns[c] == GG_FIELD_TERM;
		definition |= columns[c] == GG_FIELD_DEFINITION;
	}
	if (!term && n && columns[0] == GG_FIELD_NONE)
		columns[0] = GG_FIELD_TERM;
	size_t most = SIZE_MAX;
	for (size_t c = 0; c < n && !definition; c++)
		if (columns[c] == GG_FIELD_NONE && (most == SIZE_MAX || text[c] > text[most]))
			most = c;
	if (most != SIZE_MAX)
		columns[most] = GG_FIELD_DEFINITION;
}

int gg_i_record_item(gg_i_record *r, gg_i_field f, const char *s, size_t n, size_t at)
{
	switch (f) {
	case GG_FIELD_TERM:
	case GG_FIELD_ALIASES:
		gg_i_record_name(r, s, n);
		break;
	case GG_FIELD_DEFINITION:
		if (r->definition.len) /* a second definition goes on after a space */
			gg_i_record_text(r, "\n", 1, SIZE_MAX);
		gg_i_record_text(r, s, n, at);
		break;
	case GG_FIELD_ABBREV:
		gg_i_record_abbrev(r, s, n);
		break;
	case GG_FIELD_CATEGORY:
		gg_i_record_category(r, s, n);
		break;
	case GG_FIELD_RELATED: {
		size_t len = n;
		const char *target = gg_i_trim(s, &len);
		return len ? gg_i_record_xref(r, target, len, r->definition.len) : 0;
	}
	case GG_FIELD_NONE:
		break;
	}
	return 0;
}

int gg_i_record_field(gg_i_record *r, gg_i_field f, const char *s, size_t n, size_t at)
{
	if (f == GG_FIELD_TERM || f == GG_FIELD_DEFINITION || f == GG_FIELD_NONE)
		return gg_i_record_item(r, f, s, n, at);
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != ';' && s[i] != '|')
			continue;
		int err = gg_i_record_item(r, f, s + start, i - start, at);
		if (err)
			return err;
		start = i + 1;
	}
	return 0;
}
