/* page.c - reader for text glossary pages: chrome, headers, definitions; or one entry a line. */
#include "read/read.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

/* A header longer than this is not a header line but stray text. */
#define MAX_HEADER_BYTES 2000
/* Chrome is looked for among the first lines of a page only. */
#define CHROME_WINDOW 12
/* Diagnostics about bad bytes, per page, before a summary takes over. */
#define MAX_BYTE_WARNINGS 10

typedef struct line {
	const char *s; /* NUL-terminated, sanitised */
	size_t n;
	uint32_t no;   /* 1-based */
	uint64_t offset;
	const gg_i_offset_anchor *steps; /* where a sanitised copy meets the file again */
	size_t n_steps;
	uint8_t entry; /* whether it is a line entry: 0 not asked yet, 1 no, 2 yes */
} line;

typedef struct step_list {
	gg_i_offset_anchor *items;
	size_t n, cap;
	bool oom;
} step_list;

/* Collects the places where a sanitised line and the file agree again. */
static void on_step(size_t copy_pos, size_t orig_pos, void *payload)
{
	step_list *l = payload;
	if (l->oom || GG_ARRAY_PUSH_SLOT(l->items, l->n, l->cap)) {
		l->oom = true;
		return;
	}
	l->items[l->n++] = (gg_i_offset_anchor){ copy_pos, orig_pos };
}

typedef struct page_reader {
	gg_glossary *g;
	const char *name;
	line *lines;
	size_t n_lines, cap_lines;
	size_t byte_warnings;
} page_reader;

static bool is_blank(const line *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->s[i] != ' ' && l->s[i] != '\t')
			return false;
	return true;
}

/*
 * Cut the page into NUL-terminated lines in place (LF, CRLF and lone CR all
 * end a line). Lines with bytes XML cannot carry are copied to the arena with
 * those bytes replaced by U+FFFD, and reported.
 */
static int split_lines(page_reader *r, char *data, size_t len)
{
	size_t pos = 0;
	uint32_t no = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len) {
		size_t start = pos;
		while (pos < len && data[pos] != '\n' && data[pos] != '\r')
			pos++;
		size_t end = pos;
		if (pos < len && data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n')
			pos += 2;
		else if (pos < len)
			pos++;
		data[end] = '\0';
		no++;

		line l = { data + start, end - start, no, start, NULL, 0, 0 };
		size_t bad = gg_i_utf8_count_bad(l.s, l.n);
		if (bad) {
			gg_i_buf clean = GG_BUF_INIT;
			step_list steps = { NULL, 0, 0, false };
			gg_i_utf8_sanitize_steps(&clean, l.s, l.n, on_step, &steps);
			char *copy = clean.oom ? NULL : gg_i_arena_strndup(&r->g->arena, clean.ptr, clean.len);
			gg_i_offset_anchor *kept = steps.oom ? NULL
				: gg_i_arena_alloc(&r->g->arena, steps.n * sizeof(*kept));
			if (kept)
				memcpy(kept, steps.items, steps.n * sizeof(*kept));
			free(steps.items);
			gg_i_buf_free(&clean);
			if (!copy || !kept)
				return gg_i_error_oom();
			l.s = copy;
			l.n = strlen(copy);
			l.steps = kept;
			l.n_steps = steps.n;
			r->g->stats.replaced_bytes += bad;
			if (r->byte_warnings++ < MAX_BYTE_WARNINGS &&
			    gg_i_glossary_warn(r->g, r->name, no,
					       "%zu invalid UTF-8 or control byte%s replaced by U+FFFD",
					       bad, bad == 1 ? "" : "s"))
				return GG_ENOMEM;
		}
		if (GG_ARRAY_PUSH_SLOT(r->lines, r->n_lines, r->cap_lines))
			return GG_ENOMEM;
		r->lines[r->n_lines++] = l;
	}
	if (r->byte_warnings > MAX_BYTE_WARNINGS &&
	    gg_i_glossary_warn(r->g, r->name, 0, "%zu more lines had bytes replaced by U+FFFD",
			       r->byte_warnings - MAX_BYTE_WARNINGS))
		return GG_ENOMEM;
	return 0;
}

/*
 * "A B C ... Z All": ten single letters or more, in alphabetical order,
 * and at most a few other words ("All", "#", "0-9").
 */
static bool is_letter_bar(const line *l)
{
	size_t letters = 0, others = 0;
	char last = 0;
	for (size_t i = 0; i < l->n;) {
		while (i < l->n && l->s[i] == ' ')
			i++;
		size_t start = i;
		while (i < l->n && l->s[i] != ' ')
			i++;
		if (i == start)
			continue;
		char c = gg_i_ascii_lower(l->s[start]);
		if (i - start == 1 && c >= 'a' && c <= 'z') {
			if (c <= last)
				return false;
			last = c;
			letters++;
		} else {
			others++;
		}
	}
	return letters >= 10 && others <= 3;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * "Showing page 154 of 266 (13,255 entries)": a short line holding "K of P"
 * (two numbers joined by "of" or "/", K no more than P). A header that holds
 * two numbers ("ipv4 to ipv6 migration, networking") is not one.
 */
static bool is_pagination(const line *l)
{
	if (l->n >= 120 || strstr(l->s, "**"))
		return false;
	for (size_t i = 0; i < l->n; i++) {
		if (!is_digit(l->s[i]) || (i > 0 && (is_digit(l->s[i - 1]) || gg_i_is_word_byte((unsigned char)l->s[i - 1]))))
			continue;
		size_t k_end = i;
		unsigned long k = 0, p = 0;
		while (k_end < l->n && is_digit(l->s[k_end]) && k < 100000000)
			k = k * 10 + (unsigned long)(l->s[k_end++] - '0');
		size_t j = k_end;
		if (strncmp(l->s + j, " of ", 4) == 0)
			j += 4;
		else if (strncmp(l->s + j, " / ", 3) == 0)
			j += 3;
		else if (l->s[j] == '/')
			j += 1;
		else
			continue;
		size_t p_start = j;
		while (j < l->n && is_digit(l->s[j]) && p < 100000000)
			p = p * 10 + (unsigned long)(l->s[j++] - '0');
		if (j > p_start && (j == l->n || !gg_i_is_word_byte((unsigned char)l->s[j])) && k >= 1 && k <= p)
			return true;
	}
	return false;
}

/* A back link: the line opens with an arrow ("← Back to ...", "« ..."). */
static bool is_back_link(const line *l)
{
	static const char *const arrows[] = { "\xE2\x86\x90", "\xC2\xAB", "\xE2\x80\xB9", "<-", "\xE2\x87\x90" };
	for (size_t i = 0; i < sizeof(arrows) / sizeof(*arrows); i++)
		if (strncmp(l->s, arrows[i], strlen(arrows[i])) == 0)
			return true;
	return false;
}

/*
 * Index of the first line after the page chrome. Chrome is recognised by its
 * shape: everything up to a letter bar among the first lines (plus a
 * pagination line right after it), or else a leading back link.
 */
static size_t skip_chrome(const page_reader *r)
{
	size_t seen = 0, end = 0;
	for (size_t i = 0; i < r->n_lines && seen < CHROME_WINDOW; i++) {
		if (is_blank(&r->lines[i]))
			continue;
		seen++;
		if (is_letter_bar(&r->lines[i])) {
			end = i + 1;
			size_t j = end;
			while (j < r->n_lines && is_blank(&r->lines[j]))
				j++;
			if (j < r->n_lines && is_pagination(&r->lines[j]))
				end = j + 1;
			return end;
		}
	}
	for (size_t i = 0; i < r->n_lines; i++) {
		if (is_blank(&r->lines[i]))
			continue;
		return is_back_link(&r->lines[i]) ? i + 1 : 0;
	}
	return 0;
}

/* A block: consecutive non-blank lines [first, first + n). */
typedef struct block {
	size_t first, n;
} block;

static bool starts_bold(const line *l)
{
	const char *s = l->s;
	while (*s == ' ' || *s == '\t')
		s++;
	return strncmp(s, "**", 2) == 0;
}

/* A definition opens with its bold name, or is a long line of prose. */
static bool looks_like_definition(const line *l)
{
	return starts_bold(l) || l->n >= 200;
}

static bool header_shaped(const line *l)
{
	return l->n <= MAX_HEADER_BYTES && !starts_bold(l);
}

/* The columns of white space that open line l (a tab to the next multiple of 8). */
static size_t indent_of(const line *l)
{
	size_t col = 0;
	for (size_t i = 0; i < l->n && (l->s[i] == ' ' || l->s[i] == '\t'); i++)
		col = l->s[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
	return col;
}

/* The file offset of byte `pos` of line l, through the steps where a
 * sanitised copy of the line meets the file again. */
static uint64_t line_offset(const line *l, size_t pos)
{
	uint64_t at = l->offset + pos;
	for (size_t k = 0; k < l->n_steps && l->steps[k].pos <= pos; k++)
		at = l->offset + l->steps[k].offset + (pos - l->steps[k].pos);
	return at;
}

/*
 * The definition in lines [first, first + n), the first `skip` bytes of the
 * first line left out: trimmed, joined by single spaces (blank lines
 * left out), with e->offset set
 * to where it starts in the file. *map gets the way back from definition
 * positions to file offsets when the bytes are not the file's own (lines
 * joined, bad bytes replaced), NULL otherwise.
 */
static int definition_text(page_reader *r, size_t first, size_t n, size_t skip, gg_entry *e,
			   const gg_i_offset_map **map)
{
	gg_i_arena *a = &r->g->arena;
	size_t steps = 0;
	for (size_t i = first; i < first + n; i++)
		steps += r->lines[i].n_steps;
	const line *l0 = &r->lines[first];
	size_t len0 = l0->n - skip;
	const char *s0 = gg_i_trim(l0->s + skip, &len0);
	e->offset = line_offset(l0, (size_t)(s0 - l0->s));
	*map = NULL;
	if (n == 1 && !steps) {
		/* the file's own bytes; copy only when trailing blanks must go */
		e->definition_len = len0;
		e->definition = s0[len0] ? gg_i_arena_strndup(a, s0, len0) : s0;
		return e->definition ? 0 : gg_i_error_oom();
	}

	gg_i_offset_map *m = gg_i_arena_alloc(a, sizeof(*m) + (n + steps) * sizeof(m->anchors[0]));
	gg_i_buf b = GG_BUF_INIT;
	if (!m)
		return gg_i_error_oom();
	m->n = 0;
	for (size_t i = first; i < first + n; i++) {
		const line *l = &r->lines[i];
		size_t from = i == first ? skip : 0, sl = l->n - from;
		const char *s = gg_i_trim(l->s + from, &sl);
		size_t lead = (size_t)(s - l->s);
		if (!sl)
			continue; /* a blank line between paragraphs: one space, as between lines */
		if (b.len)
			gg_i_buf_putc(&b, ' ');
		size_t at = b.len;
		m->anchors[m->n++] = (gg_i_offset_anchor){ at, line_offset(l, lead) };
		for (size_t k = 0; k < l->n_steps; k++)
			if (l->steps[k].pos >= lead)
				m->anchors[m->n++] = (gg_i_offset_anchor){
					at + l->steps[k].pos - lead, l->offset + l->steps[k].offset };
		gg_i_buf_put(&b, s, sl);
	}
	e->definition = b.oom ? NULL : gg_i_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	e->definition_len = b.len;
	gg_i_buf_free(&b);
	*map = m;
	return e->definition ? 0 : gg_i_error_oom();
}

static int add_entry(page_reader *r, const line *header, size_t def_first, size_t def_n)
{
	gg_entry e = { 0 };
	const gg_i_offset_map *map = NULL;
	size_t hl = header->n;
	const char *h = gg_i_trim(header->s, &hl);
	e.file = r->name;
	e.line = header->no;
	e.header_offset = header->offset + (uint64_t)(h - header->s);
	e.header = gg_i_arena_strndup(&r->g->arena, h, hl);
	if (def_n) {
		int err = definition_text(r, def_first, def_n, 0, &e, &map);
		if (err)
			return err;
	} else {
		e.definition = "";
		e.offset = header->offset;
		if (gg_i_glossary_warn(r->g, r->name, header->no,
				       "'%.80s' has no definition; kept as a term without one", e.header ? e.header : ""))
			return GG_ENOMEM;
	}
	if (!e.header || !e.definition)
		return gg_i_error_oom();
	return gg_i_glossary_add_entry(r->g, &e, map);
}

/* The longest term of a definition set in under it. */
#define MAX_HANGING_TERM_BYTES 80

/*
 * Whether line l reads as the term of a definition set in under it: short,
 * no list item, not ending as a sentence or an introduction does ("for
 * example:"), not the bold opening of a glossary page's definition.
 */
static bool hanging_term(const line *l)
{
	size_t n = l->n;
	const char *s = gg_i_trim(l->s, &n);
	if (!n || n > MAX_HANGING_TERM_BYTES || strchr(".:;,", s[n - 1]) || starts_bold(l))
		return false;
	return !(n > 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ');
}

/* Whether line l underlines the line above it as a title: three or more
 * of one of '=', '-', '~', '*', '#', '^' alone ("Glossary\n========"). */
static bool is_underline(const line *l)
{
	size_t n = l->n;
	const char *s = gg_i_trim(l->s, &n);
	if (n < 3 || !strchr("=-~*#^", s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

/* Whether block b opens with a term whose definition is set in under it. */
static bool hanging_block(const page_reader *r, const block *b)
{
	return b->n > 1 && hanging_term(&r->lines[b->first]) &&
	       indent_of(&r->lines[b->first + 1]) > indent_of(&r->lines[b->first]);
}

/*
 * Block blocks[b] read as a header line and its definition. When the
 * definition is set in under the header (a hanging indent), each later
 * line back at the header's indent that reads as a term opens the next
 * entry ("Term\n    definition\nTerm 2\n    definition"), and the blocks
 * after it that open set in deeper than the last term are further
 * paragraphs of its definition, where a line back at the margin that reads
 * as a term opens an entry too. *consumed gets how many of those blocks
 * were read.
 */
static int add_hanging_entries(page_reader *r, const block *blocks, size_t n_blocks, size_t b, size_t *consumed)
{
	const block *hb = &blocks[b];
	size_t header = hb->first, in = indent_of(&r->lines[header]), end = hb->first + hb->n;
	int err = 0;
	*consumed = 0;
	if (!hanging_block(r, hb))
		return add_entry(r, &r->lines[header], header + 1, hb->n - 1);
	for (size_t i = header + 1;;) {
		for (; i < end && !err; i++) {
			const line *l = &r->lines[i];
			if (indent_of(l) > in || !hanging_term(l))
				continue; /* definition: set in, or a sentence back at the margin */
			err = add_entry(r, &r->lines[header], header + 1, i - header - 1);
			header = i;
		}
		size_t next = b + 1 + *consumed;
		if (err || next >= n_blocks ||
		    indent_of(&r->lines[blocks[next].first]) <= indent_of(&r->lines[header]))
			break;
		i = blocks[next].first; /* a further paragraph, set in deeper */
		end = i + blocks[next].n;
		++*consumed;
	}
	return err ? err : add_entry(r, &r->lines[header], header + 1, end - header - 1);
}

static int skip_block(page_reader *r, const block *b, const char *why)
{
	r->g->stats.skipped_lines += b->n;
	return gg_i_glossary_warn(r->g, r->name, r->lines[b->first].no,
				  "%zu line%s skipped: %s", b->n, b->n == 1 ? "" : "s", why);
}

static int read_entries(page_reader *r, size_t from)
{
	block *blocks = NULL;
	size_t n_blocks = 0, cap = 0;
	int err = 0;

	for (size_t i = from; i < r->n_lines;) {
		while (i < r->n_lines && is_blank(&r->lines[i]))
			i++;
		if (i >= r->n_lines)
			break;
		size_t first = i;
		while (i < r->n_lines && !is_blank(&r->lines[i]))
			i++;
		if ((err = GG_ARRAY_PUSH_SLOT(blocks, n_blocks, cap)))
			goto cleanup;
		blocks[n_blocks++] = (block){ first, i - first };
	}

	for (size_t b = 0; b < n_blocks && !err; b++) {
		block *hb = &blocks[b];
		const line *header = &r->lines[hb->first];
		if (!header_shaped(header)) {
			err = skip_block(r, hb, header->n > MAX_HEADER_BYTES
					 ? "line too long for a header, and no header precedes it"
					 : "a definition without a header line");
			continue;
		}
		if (hb->n == 2 && is_underline(&r->lines[hb->first + 1])) {
			err = skip_block(r, hb, "a title, underlined");
			continue;
		}
		if (hb->n > 1) { /* header and definition without a blank line between */
			size_t consumed;
			err = add_hanging_entries(r, blocks, n_blocks, b, &consumed);
			b += consumed;
			continue;
		}
		if (b + 1 >= n_blocks) {
			err = add_entry(r, header, 0, 0);
			continue;
		}
		block *db = &blocks[b + 1];
		const line *d0 = &r->lines[db->first];
		if (hanging_block(r, db) && indent_of(header) <= indent_of(d0)) {
			/* "Title\n\n  Term\n    definition": the next block is an entry
			 * with its own header, its definition set in under it */
			err = skip_block(r, hb, "a line alone before an entry with its own header (a title?)");
			continue;
		}
		bool next_is_definition = b + 2 < n_blocks && starts_bold(&r->lines[blocks[b + 2].first]);
		if (db->n == 1 && header_shaped(d0) && d0->n < 200 && next_is_definition) {
			/* "term\n\nnext term\n\n**Next term** ...": a header alone */
			err = add_entry(r, header, 0, 0);
			continue;
		}
		size_t def_n = db->n;
		if (db->n > 1 && b + 2 < n_blocks && looks_like_definition(&r->lines[blocks[b + 2].first]) &&
		    header_shaped(&r->lines[db->first + db->n - 1]) &&
		    r->lines[db->first + db->n - 1].n < 200) {
			/* "definition\nnext header\n\n": no blank line between entries */
			def_n = db->n - 1;
			if ((err = gg_i_glossary_warn(r->g, r->name, r->lines[db->first + def_n].no,
						      "no blank line before this header")))
				break;
			db->first += def_n;
			db->n = 1;
			err = add_entry(r, header, db->first - def_n, def_n);
			continue; /* the shortened block is read as the next header */
		}
		err = add_entry(r, header, db->first, def_n);
		b++;
	}
cleanup:
	free(blocks);
	return err;
}

/* A term of a line list is a name, not a sentence: at most this long, in as many words. */
#define MAX_LINE_TERM_BYTES 80
#define MAX_LINE_TERM_WORDS 8

/* Where a line entry's parts are: the term at [term_at, term_at + term_len), the definition from def_at. */
typedef struct line_parts {
	size_t term_at, term_len, def_at;
} line_parts;

/* Bytes of a line list's separator at s (s[0, n) readable): ": ", a tab,
 * or a dash between spaces; 0 for none. */
static size_t line_separator(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '\t')
		return 1;
	if (n >= 2 && s[0] == ':' && s[1] == ' ')
		return 2;
	size_t dash = n >= 1 && s[0] == ' ' ? gg_i_dash_len(s + 1, n - 1) : 0;
	return dash && n >= dash + 2 && s[dash + 1] == ' ' ? dash + 2 : 0;
}

/*
 * Whether line l is an entry of a line list: a term at the line's start
 * (after a list marker "- ", "* ", "+ " or a bullet), then ": ", a tab, or a
 * dash between spaces (" - ", en or em dash), then the definition; *p gets
 * where each is. A term is short (MAX_LINE_TERM_BYTES, and
 * MAX_LINE_TERM_WORDS words), holds a letter or digit and no sentence's
 * end, and does not open with the bold of a glossary page's definition.
 */
static bool line_entry(const line *l, line_parts *p)
{
	static const char *const markers[] = { "- ", "* ", "+ ", "\u2022 " };
	const char *s = l->s;
	if (!l->n || s[0] == ' ' || s[0] == '\t' || starts_bold(l))
		return false;
	size_t start = 0;
	for (size_t k = 0; k < sizeof(markers) / sizeof(*markers) && !start; k++)
		if (strncmp(s, markers[k], strlen(markers[k])) == 0)
			start = strlen(markers[k]);
	size_t limit = l->n < start + MAX_LINE_TERM_BYTES + 1 ? l->n : start + MAX_LINE_TERM_BYTES + 1, words = 1;
	bool word = false;
	for (size_t i = start; i < limit; i++) {
		size_t sep = line_separator(s + i, l->n - i);
		if (sep) {
			size_t d = i + sep;
			while (d < l->n && (s[d] == ' ' || s[d] == '\t'))
				d++;
			if (!word || d >= l->n)
				return false;
			size_t end = i;
			while (end > start && s[end - 1] == ' ')
				end--;
			*p = (line_parts){ start, end - start, d };
			return true;
		}
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && i + 1 < l->n && s[i + 1] == ' ')
			return false;
		if (s[i] == ' ' && ++words > MAX_LINE_TERM_WORDS)
			return false;
		word = word || gg_i_is_word_byte((unsigned char)s[i]);
	}
	return false;
}

/* line_entry's answer for l, worked out once (a line list asks it of a line many times). */
static bool is_line_entry(line *l)
{
	line_parts p;
	if (!l->entry)
		l->entry = line_entry(l, &p) ? 2 : 1;
	return l->entry == 2;
}

/* The first non-blank line at or after i, or n_lines. */
static size_t next_text(const page_reader *r, size_t i)
{
	while (i < r->n_lines && is_blank(&r->lines[i]))
		i++;
	return i;
}

/*
 * Whether line i of a line list is a section title: a short line that is
 * no entry, opens a block (after a blank line or at `from`), and has an
 * entry as the next line that is not blank ("A", "Networking").
 */
static bool is_title(page_reader *r, size_t from, size_t i)
{
	line *l = &r->lines[i];
	if (is_blank(l) || (i > from && !is_blank(&r->lines[i - 1])) || l->n > MAX_LINE_TERM_BYTES ||
	    is_line_entry(l))
		return false;
	size_t next = next_text(r, i + 1);
	return next < r->n_lines && is_line_entry(&r->lines[next]);
}

/*
 * Whether the page past `from` is a line list: most of its non-blank lines
 * (one at least) are line entries, none opens with a bold name (the
 * definitions of a glossary page do), and the entries are more than three
 * times the section titles after the first of them: a glossary page whose
 * definitions happen to read "Storage: ..." has a title (its header line)
 * for every definition, a sectioned list many entries a section.
 */
static bool is_line_list(page_reader *r, size_t from)
{
	size_t lines = 0, entries = 0, titles = 0;
	for (size_t i = from; i < r->n_lines; i++) {
		line *l = &r->lines[i];
		if (is_blank(l))
			continue;
		if (starts_bold(l))
			return false;
		lines++;
		bool entry = is_line_entry(l);
		titles += entries && !entry && is_title(r, from, i);
		entries += entry;
	}
	return entries >= 1 && entries * 2 > lines && entries > 3 * titles;
}

/* Report and count the non-blank lines of [from, to) as skipped for `why`. */
static int skip_lines(page_reader *r, size_t from, size_t to, const char *why)
{
	size_t skipped = 0, first = SIZE_MAX;
	for (size_t i = from; i < to; i++)
		if (!is_blank(&r->lines[i])) {
			skipped++;
			first = first == SIZE_MAX ? i : first;
		}
	if (!skipped)
		return 0;
	r->g->stats.skipped_lines += skipped;
	return gg_i_glossary_warn(r->g, r->name, r->lines[first].no, "%zu line%s skipped: %s", skipped,
				  skipped == 1 ? "" : "s", why);
}

/*
 * The end of the definition of the entry on line `at`: the lines after it
 * up to the next entry, or to a blank line after which comes an entry or
 * a section title (a paragraph after a blank line goes on with it).
 */
static size_t line_entry_end(page_reader *r, size_t from, size_t at)
{
	size_t end = at + 1;
	for (;;) {
		while (end < r->n_lines && !is_blank(&r->lines[end]) && !is_line_entry(&r->lines[end]))
			end++;
		if (end >= r->n_lines || !is_blank(&r->lines[end]))
			return end;
		size_t next = next_text(r, end);
		if (next >= r->n_lines || is_line_entry(&r->lines[next]) || is_title(r, from, next))
			return end;
		end = next;
	}
}

/*
 * The category a section title on line i gives the entries after it, in
 * *out (arena); NULL for a letter of the alphabet ("A", "B"). 0 or
 * GG_ENOMEM.
 */
static int section_category(page_reader *r, size_t i, const char ***out)
{
	size_t n = r->lines[i].n, chars = 0;
	const char *t = gg_i_trim(r->lines[i].s, &n);
	for (size_t k = 0; k < n; k++)
		chars += ((unsigned char)t[k] & 0xC0) != 0x80;
	*out = NULL;
	if (chars <= 1)
		return 0;
	const char **c = gg_i_arena_alloc(&r->g->arena, sizeof(*c));
	if (!c || !(*c = gg_i_arena_strndup(&r->g->arena, t, n)))
		return gg_i_error_oom();
	*out = c;
	return 0;
}

/*
 * Read a line list past `from`: each line entry with the lines that go on
 * with it (a wrapped definition, its paragraphs); a section title between
 * entries is the category of those after it, unless it is one letter. Lines before the first entry
 * (a title) are reported and skipped. 0 or an error.
 */
static int read_line_list(page_reader *r, size_t from)
{
	size_t at = from, title = SIZE_MAX;
	while (at < r->n_lines && !is_line_entry(&r->lines[at]))
		at++;
	/* the title right before the first entry names its section when others follow */
	for (size_t i = at; i < r->n_lines && title == SIZE_MAX; i++)
		if (is_title(r, from, i))
			for (title = at; title > from && is_blank(&r->lines[title - 1]); title--)
				;
	if (title != SIZE_MAX && (title == from || !is_title(r, from, --title)))
		title = SIZE_MAX;
	int err = skip_lines(r, from, title == SIZE_MAX ? at : title, "before the first entry");
	const char **category = NULL;
	if (!err && title != SIZE_MAX)
		err = section_category(r, title, &category);
	while (!err && at < r->n_lines) {
		const line *l = &r->lines[at];
		line_parts p;
		line_entry(l, &p);
		size_t end = line_entry_end(r, from, at);
		gg_entry e = { 0 };
		const gg_i_offset_map *map = NULL;
		e.file = r->name;
		e.line = l->no;
		e.header_offset = line_offset(l, p.term_at);
		e.header = gg_i_arena_strndup(&r->g->arena, l->s + p.term_at, p.term_len);
		e.header_is_name = true;
		e.categories = category;
		e.n_categories = category != NULL;
		err = e.header ? definition_text(r, at, end - at, p.def_at, &e, &map) : gg_i_error_oom();
		if (!err)
			err = gg_i_glossary_add_entry(r->g, &e, map);
		/* up to the next entry: a section title, else lines that belong nowhere */
		for (at = next_text(r, end); !err && at < r->n_lines && !is_line_entry(&r->lines[at]);) {
			if (is_title(r, from, at)) {
				err = section_category(r, at, &category);
				at = next_text(r, at + 1);
				continue;
			}
			size_t stop = at;
			while (stop < r->n_lines && !is_line_entry(&r->lines[stop]) && !is_title(r, from, stop))
				stop++;
			err = skip_lines(r, at, stop, "no entry");
			at = stop;
		}
	}
	return err;
}

int gg_i_read_text_page(gg_glossary *g, const char *name, char *data, size_t len)
{
	page_reader r = { g, name, NULL, 0, 0, 0 };
	int err = gg_i_glossary_keep_page(g, data);
	if (err) {
		free(data);
		return err;
	}
	data[len] = '\0';
	if ((err = split_lines(&r, data, len)))
		goto cleanup;
	size_t body = skip_chrome(&r);
	g->stats.chrome_lines += body;
	size_t before = g->n_entries;
	if ((err = is_line_list(&r, body) ? read_line_list(&r, body) : read_entries(&r, body)))
		goto cleanup;
	if (g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "%s",
					 r.n_lines == 0 ? "empty page" : "no entries in this page");
cleanup:
	free(r.lines);
	return err;
}
