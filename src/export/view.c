/* view.c - what every writer shows of a node and an edge: clean text, colours, numbers. */
#include "export/view.h"
#include "core/error.h"
#include "core/text.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest tooltip text, in bytes, before it is cut at a word. */
#define SENTENCE_MAX 300

/*
 * Paul Tol's "light" scheme: eight colours that colour-blind readers tell
 * apart and that keep dark text legible, then pale grey for the rest.
 */
static const unsigned char palette[][3] = {
	{ 0x77, 0xAA, 0xDD }, /* light blue */
	{ 0xEE, 0x88, 0x66 }, /* orange */
	{ 0xEE, 0xDD, 0x88 }, /* light yellow */
	{ 0xFF, 0xAA, 0xBB }, /* pink */
	{ 0x99, 0xDD, 0xFF }, /* light cyan */
	{ 0x44, 0xBB, 0x99 }, /* mint */
	{ 0xBB, 0xCC, 0x33 }, /* pear */
	{ 0xAA, 0xAA, 0x00 }, /* olive */
};
static const unsigned char pale_grey[3] = { 0xDD, 0xDD, 0xDD };

const char *gg_i_type_name(gg_concept_kind k)
{
	return k == GG_CONCEPT_KEYWORD ? "keyword" : "term";
}

void gg_i_community_rgb(int community, unsigned char rgb[3])
{
	size_t n = sizeof(palette) / sizeof(palette[0]);
	const unsigned char *c = community >= 0 && (size_t)community < n
		? palette[community] : pale_grey;
	memcpy(rgb, c, 3);
}

void gg_i_community_hex(int community, char hex[8])
{
	static const char digits[] = "0123456789ABCDEF";
	unsigned char c[3];
	gg_i_community_rgb(community, c);
	hex[0] = '#';
	for (int k = 0; k < 3; k++) {
		hex[1 + 2 * k] = digits[c[k] >> 4];
		hex[2 + 2 * k] = digits[c[k] & 0xF];
	}
	hex[7] = '\0';
}

#ifdef __SIZEOF_INT128__
/* 5^k for k from 0 to 27, the largest below 2^63: 10^k is 5^k shifted by k. */
static const uint64_t powers_of_5[28] = {
	1u, 5u, 25u, 125u, 625u, 3125u, 15625u, 78125u, 390625u, 1953125u, 9765625u,
	48828125u, 244140625u, 1220703125u, 6103515625u, 30517578125u, 152587890625u,
	762939453125u, 3814697265625u, 19073486328125u, 95367431640625u, 476837158203125u,
	2384185791015625u, 11920928955078125u, 59604644775390625u, 298023223876953125u,
	1490116119384765625u, 7450580596923828125u,
};

/*
 * The 9 significant digits of x > 0 as printf's %.9g rounds them (to
 * nearest, a tie to even): *digits in [10^8, 10^9) and *exp10 the decimal
 * exponent of the first. Exact: x = m 2^e2 times 10^k = m 5^k 2^(e2 + k)
 * is an integer of at most 116 bits shifted right, the bits shifted out
 * deciding the rounding. false for x outside [1e-19, 1e9) or subnormal,
 * which printf then writes.
 */
static bool nine_digits(double x, uint32_t *digits, int *exp10)
{
	uint64_t bits;
	memcpy(&bits, &x, sizeof(bits));
	int biased = (int)(bits >> 52 & 0x7FF);
	if (biased == 0 || biased == 0x7FF)
		return false;
	uint64_t m = (bits & ((UINT64_C(1) << 52) - 1)) | UINT64_C(1) << 52;
	int e2 = biased - 1075;
	int e10 = (int)floor(log10(x)); /* may be one off near a power of ten */

	for (int tries = 0; tries < 3; tries++) {
		int k = 8 - e10, shift = -(e2 + k);
		/* m >= 2^52, so a value in [10^8, 10^9) < 2^30 needs shift > 22 */
		if (k < 0 || k > 27 || shift <= 0 || shift >= 128)
			return false;
		unsigned __int128 scaled = (unsigned __int128)m * powers_of_5[k];
		unsigned __int128 whole = scaled >> shift;
		unsigned __int128 rest = scaled - (whole << shift);
		unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
		if (whole >= 1000000000u) {
			e10++;
			continue;
		}
		if (whole < 100000000u) {
			e10--;
			continue;
		}
		uint32_t d = (uint32_t)whole;
		if (rest > half || (rest == half && (d & 1)))
			d++;
		if (d == 1000000000u) { /* 999999999.5 and up: one digit more */
			d = 100000000u;
			e10++;
		}
		*digits = d;
		*exp10 = e10;
		return true;
	}
	return false;
}

/* Write the nine digits d of exponent e10 as %.9g does, '-' first when
 * negative: fixed when -4 <= e10 < 9, else d.ddde+XX, trailing zeros dropped. */
static void write_g9(char buf[GG_I_NUMBER_MAX], bool negative, uint32_t d, int e10)
{
	char digits[9];
	for (int i = 8; i >= 0; i--, d /= 10)
		digits[i] = (char)('0' + d % 10);
	int n = 9; /* the digits kept: trailing zeros dropped */
	while (n > 1 && digits[n - 1] == '0')
		n--;
	char *p = buf;
	if (negative)
		*p++ = '-';
	if (e10 < -4 || e10 >= 9) {
		*p++ = digits[0];
		if (n > 1) {
			*p++ = '.';
			memcpy(p, digits + 1, (size_t)(n - 1));
			p += n - 1;
		}
		int a = e10 < 0 ? -e10 : e10;
		*p++ = 'e';
		*p++ = e10 < 0 ? '-' : '+';
		if (a >= 100)
			*p++ = (char)('0' + a / 100);
		*p++ = (char)('0' + a / 10 % 10);
		*p++ = (char)('0' + a % 10);
	} else if (e10 >= 0) {
		int whole = e10 + 1;
		memcpy(p, digits, (size_t)whole);
		p += whole;
		if (n > whole) {
			*p++ = '.';
			memcpy(p, digits + whole, (size_t)(n - whole));
			p += n - whole;
		}
	} else {
		*p++ = '0';
		*p++ = '.';
		for (int z = -e10 - 1; z > 0; z--)
			*p++ = '0';
		memcpy(p, digits, (size_t)n);
		p += n;
	}
	*p = '\0';
}
#endif

/* x as snprintf's %.9g writes it, with '.' whatever the locale. */
static void printf_number(char buf[GG_I_NUMBER_MAX], double x)
{
	snprintf(buf, GG_I_NUMBER_MAX, "%.9g", x);
	const char *point = localeconv()->decimal_point;
	if (point && strcmp(point, ".") != 0) {
		char *at = strstr(buf, point);
		if (at) {
			size_t n = strlen(point);
			*at = '.';
			memmove(at + 1, at + n, strlen(at + n) + 1);
		}
	}
}

const char *gg_i_number(char buf[GG_I_NUMBER_MAX], double x)
{
	if (!isfinite(x) || x == 0) { /* -0 too */
		memcpy(buf, "0", 2);
		return buf;
	}
#ifdef __SIZEOF_INT128__
	uint32_t digits;
	int exp10;
	if (nine_digits(fabs(x), &digits, &exp10)) {
		write_g9(buf, x < 0, digits, exp10);
		return buf;
	}
#endif
	printf_number(buf, x);
	return buf;
}

void gg_i_clean(gg_i_buf *out, const char *s)
{
	if (s)
		gg_i_clean_n(out, s, strlen(s));
}

void gg_i_clean_n(gg_i_buf *out, const char *s, size_t len)
{
	size_t start = out->len;
	gg_i_utf8_sanitize(out, s, len);
	if (out->oom)
		return;
	unsigned char *u = (unsigned char *)out->ptr;
	for (size_t i = start; i < out->len;) {
		if (out->len - i >= 8 && gg_i_ascii_printable8(u + i)) {
			i += 8;
			continue;
		}
		if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r')
			u[i] = ' ';
		i++;
	}
}

/* Append the cleaned items, "; " between them and after what out holds. */
static void join(gg_i_buf *out, const char **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (out->len)
			gg_i_buf_puts(out, "; ");
		gg_i_clean(out, items[i]);
	}
}

/* Append the cleaned items as a list ["a", "b"], '"' and '\\' escaped by a backslash. */
static void list(gg_i_buf *out, const char **items, size_t n, const char **more, size_t n_more)
{
	gg_i_buf item = GG_BUF_INIT;
	gg_i_buf_putc(out, '[');
	for (size_t i = 0; i < n + n_more; i++) {
		gg_i_buf_puts(out, i ? ", \"" : "\"");
		gg_i_buf_clear(&item);
		gg_i_clean(&item, i < n ? items[i] : more[i - n]);
		out->oom |= item.oom;
		for (size_t k = 0; k < item.len; k++) {
			if (item.ptr[k] == '"' || item.ptr[k] == '\\')
				gg_i_buf_putc(out, '\\');
			gg_i_buf_putc(out, item.ptr[k]);
		}
		gg_i_buf_putc(out, '"');
	}
	gg_i_buf_putc(out, ']');
	gg_i_buf_free(&item);
}

/* Append the UTF-8 text s, cut to `max` characters, the last of them an
 * ellipsis, when it is longer. */
static void cap(gg_i_buf *out, const char *s, size_t max)
{
	size_t chars = 0, at = 0, cut = 0;
	for (; s[at]; at++) {
		if (((unsigned char)s[at] & 0xC0) == 0x80)
			continue;
		if (chars == max - 1)
			cut = at;
		if (++chars > max)
			break;
	}
	if (chars <= max) {
		gg_i_buf_puts(out, s);
		return;
	}
	gg_i_buf_put(out, s, cut);
	gg_i_buf_puts(out, "\xE2\x80\xA6"); /* ... */
}

/* White space, as first_sentence folds it. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether plain[i], one of .!?, ends a sentence: a space and a capital, a
 * digit or an opening mark follow, or nothing does. "e.g. the" does not. */
static bool ends_sentence(const char *plain, size_t len, size_t i)
{
	if (i + 1 >= len)
		return true;
	if (plain[i + 1] != ' ')
		return false;
	if (i + 2 >= len)
		return true;
	char c = plain[i + 2];
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' || c == '"' ||
	       c == '-' || (unsigned char)c >= 0x80;
}

/*
 * Judge the stops (.!?) of plain[*judged, upto) in order, upto <= len:
 * true at the first that ends the sentence, with *judged just past it;
 * false with *judged = upto.
 */
static bool find_end(const char *plain, size_t len, size_t upto, size_t *judged)
{
	for (; *judged < upto; ++*judged) {
		char c = plain[*judged];
		if ((c == '.' || c == '!' || c == '?') && ends_sentence(plain, len, *judged)) {
			++*judged;
			return true;
		}
	}
	return false;
}

/*
 * Append the first sentence of `def` with Markdown's ** removed and runs of
 * white space made one space, cut at a word past SENTENCE_MAX bytes. Only
 * the opening of the definition is read, and only up to the sentence's
 * end: a stop is judged as soon as the two bytes after it are known.
 */
static void first_sentence(gg_i_buf *out, const char *def)
{
	char plain[SENTENCE_MAX + 8];
	size_t len = 0, judged = 0; /* the stops in plain[0, judged) end no sentence */
	bool ended = false;
	plain[0] = '\0'; /* nothing is read from it when def is empty; the compiler cannot tell */

	for (const char *p = def; *p && len < sizeof(plain) - 1 && !ended; p++) {
		if (p[0] == '*' && p[1] == '*') {
			p++;
			continue;
		}
		if (is_space(*p)) {
			if (len && plain[len - 1] != ' ')
				plain[len++] = ' ';
		} else {
			plain[len++] = *p;
		}
		/* a stop with two bytes after it is judged already */
		ended = len > 2 && find_end(plain, len, len - 2, &judged);
	}
	if (ended || find_end(plain, len, len, &judged))
		len = judged; /* just past the stop */
	bool cut = false;
	if (len > SENTENCE_MAX) {
		size_t at = SENTENCE_MAX;
		while (at > SENTENCE_MAX / 2 && plain[at] != ' ')
			at--;
		while (at > 0 && ((unsigned char)plain[at] & 0xC0) == 0x80)
			at--; /* no space found: stay on a character boundary */
		len = at;
		cut = true;
	}
	while (len && plain[len - 1] == ' ')
		len--;
	gg_i_clean_n(out, plain, len);
	if (cut)
		gg_i_buf_puts(out, "\xE2\x80\xA6"); /* ... */
}

/* The bytes plain_text acts on: Markdown's marks and white space; every
 * other byte is copied as it is. */
static const bool markdown_byte[256] = {
	['*'] = true, ['_'] = true, ['`'] = true, ['['] = true, [']'] = true,
	[' '] = true, ['\t'] = true, ['\n'] = true, ['\r'] = true,
};

/*
 * Append `def` as plain text: Markdown's emphasis (** __ `) dropped, a link
 * [text](target) kept as its text, runs of white space made one space, no
 * space at either end. One pass, in place at the end of out: the text
 * never grows. out->oom on failure.
 */
static void plain_text(gg_i_buf *out, const char *def)
{
	size_t len = strlen(def);
	if (!gg_i_buf_reserve(out, len))
		return;
	const char *p = def, *end = def + len;
	char *start = out->ptr + out->len, *w = start;
	while (p < end) {
		char c = *p;
		if (!markdown_byte[(unsigned char)c]) {
			*w++ = c;
			p++;
			continue;
		}
		if ((c == '*' && p[1] == '*') || (c == '_' && p[1] == '_')) {
			p += 2;
			continue;
		}
		if (c == '`') {
			p++;
			continue;
		}
		if (c == ']' && p[1] == '(') {
			const char *close = strchr(p, ')');
			if (close) { /* the target of a link */
				p = close + 1;
				continue;
			}
		}
		if (c == '[') {
			const char *close = strchr(p, ']');
			if (close && close[1] == '(' && strchr(close, ')')) {
				p++; /* the opening of a link's text */
				continue;
			}
		}
		if (is_space(c)) {
			if (w > start && w[-1] != ' ')
				*w++ = ' ';
		} else {
			*w++ = c; /* a lone * or _, a bracket of no link */
		}
		p++;
	}
	while (w > start && w[-1] == ' ')
		w--;
	*w = '\0';
	out->len = (size_t)(w - out->ptr);
}

void gg_i_plain_definition(gg_i_buf *out, const char *def)
{
	size_t start = out->len;
	plain_text(out, def);
	if (out->oom || gg_i_utf8_count_bad(out->ptr + start, out->len - start) == 0)
		return; /* white space is all spaces already: clean */
	/* made clean from a copy, as gg_i_clean makes it */
	gg_i_buf scratch = GG_BUF_INIT;
	gg_i_buf_put(&scratch, out->ptr + start, out->len - start);
	out->len = start;
	out->ptr[start] = '\0';
	if (scratch.oom)
		out->oom = true;
	else
		gg_i_clean_n(out, gg_i_str(&scratch), scratch.len);
	gg_i_buf_free(&scratch);
}

int gg_i_node_text_fill(gg_i_node_text *t, const gg_i_view *v, size_t i)
{
	t->index = v->nodes[i];
	t->node = gg_graph_node(v->graph, t->index);
	t->concept = gg_glossary_concept(v->glossary, t->node->concept);
	unsigned char rgb[3];
	gg_i_community_rgb(t->node->community, rgb);
	t->r = rgb[0];
	t->g = rgb[1];
	t->b = rgb[2];
	gg_i_community_hex(t->node->community, t->color);
	t->x = t->node->x * v->scale;
	t->y = t->node->y * v->scale;
	t->size = t->node->size > 0 ? t->node->size : 0;
	gg_i_buf_clear(&t->label);
	gg_i_buf_clear(&t->aliases);
	gg_i_buf_clear(&t->categories);
	gg_i_buf_clear(&t->definition);
	gg_i_buf_clear(&t->summary);
	gg_i_buf_clear(&t->community_name);
	gg_i_buf_clear(&t->name);
	gg_i_clean(&t->name, t->node->name);
	cap(&t->label, gg_i_str(&t->name), GG_I_LABEL_MAX);
	join(&t->aliases, t->concept->aliases, t->concept->n_aliases);
	join(&t->aliases, t->concept->abbrevs, t->concept->n_abbrevs);
	join(&t->categories, t->concept->categories, t->concept->n_categories);
	gg_i_buf_clear(&t->alias_list);
	gg_i_buf_clear(&t->category_list);
	list(&t->alias_list, t->concept->aliases, t->concept->n_aliases, t->concept->abbrevs,
	     t->concept->n_abbrevs);
	list(&t->category_list, t->concept->categories, t->concept->n_categories, NULL, 0);
	if (t->concept->n_entries) {
		const gg_entry *e = gg_glossary_entry(v->glossary, t->concept->entries[0]);
		first_sentence(&t->summary, e->definition);
		gg_i_plain_definition(&t->definition, e->definition);
	}
	const gg_community *c = t->node->community >= 0
		? gg_graph_community(v->graph, (size_t)t->node->community) : NULL;
	if (c && c->size)
		gg_i_clean(&t->community_name, gg_graph_node(v->graph, c->members[0])->name);
	if (t->name.oom || t->label.oom || t->aliases.oom || t->categories.oom || t->definition.oom ||
	    t->summary.oom || t->community_name.oom || t->alias_list.oom || t->category_list.oom)
		return gg_i_error_oom();
	return 0;
}

void gg_i_node_text_free(gg_i_node_text *t)
{
	gg_i_buf_free(&t->name);
	gg_i_buf_free(&t->label);
	gg_i_buf_free(&t->aliases);
	gg_i_buf_free(&t->categories);
	gg_i_buf_free(&t->definition);
	gg_i_buf_free(&t->summary);
	gg_i_buf_free(&t->community_name);
	gg_i_buf_free(&t->alias_list);
	gg_i_buf_free(&t->category_list);
}

int gg_i_edge_text_fill(gg_i_edge_text *t, const gg_i_view *v, size_t i)
{
	t->index = v->edges[i];
	t->edge = gg_graph_edge(v->graph, t->index, &t->from, &t->to);
	t->entry = gg_glossary_entry(v->glossary, t->edge->entry);
	t->width = gg_i_edge_width(t->edge->weight);
	gg_i_buf_clear(&t->evidence);
	gg_i_buf_clear(&t->surface);
	gg_i_buf_clear(&t->file);
	gg_i_buf_clear(&t->snippet);
	if (t->edge->surface)
		gg_i_clean_n(&t->surface, t->edge->surface, t->edge->surface_len);
	if (t->entry)
		gg_i_clean(&t->file, t->entry->file);
	/* the snippet, made in the evidence buffer (a second time only for a
	 * header line longer than any mention's snippet) and cleaned from there */
	const gg_links *links = gg_graph_links(v->graph);
	size_t n = 0;
	if (gg_i_buf_reserve(&t->evidence, GG_SNIPPET_MAX)) {
		n = gg_edge_snippet(links, t->edge, t->evidence.ptr, GG_SNIPPET_MAX);
		if (n >= GG_SNIPPET_MAX)
			n = gg_i_buf_reserve(&t->evidence, n)
				    ? gg_edge_snippet(links, t->edge, t->evidence.ptr, n + 1) : 0;
	}
	if (n)
		gg_i_clean_n(&t->snippet, t->evidence.ptr, n);
	gg_i_buf_clear(&t->evidence);
	if (t->file.len) {
		gg_i_buf_put(&t->evidence, t->file.ptr, t->file.len);
		char num[GG_I_NUMBER_MAX], *p = num + sizeof(num);
		unsigned long long offset = t->edge->offset;
		do /* ":offset" in decimal, written from its end */
			*--p = (char)('0' + offset % 10);
		while (offset /= 10);
		*--p = ':';
		gg_i_buf_put(&t->evidence, p, (size_t)(num + sizeof(num) - p));
		if (t->snippet.len) {
			gg_i_buf_put(&t->evidence, ": ", 2);
			gg_i_buf_put(&t->evidence, t->snippet.ptr, t->snippet.len);
		}
	}
	if (t->evidence.oom || t->surface.oom || t->file.oom || t->snippet.oom)
		return gg_i_error_oom();
	return 0;
}

void gg_i_edge_text_free(gg_i_edge_text *t)
{
	gg_i_buf_free(&t->evidence);
	gg_i_buf_free(&t->surface);
	gg_i_buf_free(&t->file);
	gg_i_buf_free(&t->snippet);
}

double gg_i_edge_width(uint32_t weight)
{
	double w = 1 + 4 * log2(weight > 1 ? (double)weight : 1) / 6;
	return w > 5 ? 5 : w;
}

/* A node of the view as the overlap count sees it: layout position, radius. */
typedef struct disc {
	double x, y, r;
} disc;

static int by_x(const void *pa, const void *pb)
{
	const disc *a = pa, *b = pb;
	return a->x < b->x ? -1 : a->x > b->x;
}

/* A disc's y and its index among the x-sorted discs: ordering them by y. */
typedef struct y_key {
	double y;
	size_t i;
} y_key;

/* qsort's order of y_keys: by y, ascending. */
static int by_y(const void *pa, const void *pb)
{
	const y_key *a = pa, *b = pb;
	return a->y < b->y ? -1 : a->y > b->y;
}

/*
 * The discs sorted by x, cut at each trial into columns about as wide as
 * two typical radii; within a column they are in y order, so that a disc
 * meets only those within its own reach in x and y.
 */
typedef struct overlap_grid {
	const disc *d;      /* sorted by x */
	size_t n;
	double r_column;    /* the radius the columns are cut for: the median's */
	size_t *by_y;       /* every disc, by y (made once) */
	size_t *column;     /* per disc: its column, counted left to right */
	double *key;        /* per column: its place, floor(x / width) */
	size_t *start;      /* per column: where its discs begin in slot; n + 1 of room */
	size_t *slot;       /* the discs column by column, each column in y order */
} overlap_grid;

/* Free the grid's arrays (not the discs, which are the caller's). */
static void overlap_grid_free(overlap_grid *g)
{
	free(g->by_y);
	free(g->column);
	free(g->key);
	free(g->start);
	free(g->slot);
}

/* qsort's order of doubles: ascending. */
static int by_value(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return a < b ? -1 : a > b;
}

/*
 * Make the grid of the n x-sorted discs d: room, their order by y, the
 * median radius. Returns 0 or GG_ENOMEM.
 */
static int overlap_grid_init(overlap_grid *g, const disc *d, size_t n)
{
	size_t room = n ? n : 1;
	y_key *keys = malloc(room * sizeof(*keys));
	double *radii = malloc(room * sizeof(*radii));
	*g = (overlap_grid){ .d = d, .n = n };
	g->by_y = malloc(room * sizeof(*g->by_y));
	g->column = malloc(room * sizeof(*g->column));
	g->key = malloc(room * sizeof(*g->key));
	g->start = malloc((room + 1) * sizeof(*g->start));
	g->slot = malloc(room * sizeof(*g->slot));
	if (!keys || !radii || !g->by_y || !g->column || !g->key || !g->start || !g->slot) {
		free(keys);
		free(radii);
		overlap_grid_free(g);
		return gg_i_error_oom();
	}
	size_t n_radii = 0;
	for (size_t i = 0; i < n; i++) {
		keys[i] = (y_key){ d[i].y, i };
		if (d[i].r > 0)
			radii[n_radii++] = d[i].r;
	}
	qsort(keys, n, sizeof(*keys), by_y);
	for (size_t k = 0; k < n; k++)
		g->by_y[k] = keys[k].i;
	qsort(radii, n_radii, sizeof(*radii), by_value);
	g->r_column = n_radii ? radii[n_radii / 2] : 0;
	free(keys);
	free(radii);
	return 0;
}

/* Cut the discs into columns `width` wide, each in y order. O(V). Returns the number of columns. */
static size_t overlap_grid_fill(overlap_grid *g, double width)
{
	const disc *d = g->d;
	size_t columns = 0;

	for (size_t i = 0; i < g->n; i++) {
		double key = floor(d[i].x / width);
		if (!columns || key != g->key[columns - 1])
			g->key[columns++] = key;
		g->column[i] = columns - 1;
	}
	memset(g->start, 0, (columns + 1) * sizeof(*g->start));
	for (size_t i = 0; i < g->n; i++)
		g->start[g->column[i] + 1]++;
	for (size_t c = 0; c < columns; c++)
		g->start[c + 1] += g->start[c];
	for (size_t k = 0; k < g->n; k++) { /* in y order: each column stays in it */
		size_t i = g->by_y[k];
		g->slot[g->start[g->column[i]]++] = i;
	}
	for (size_t c = columns; c > 0; c--) /* each start moved on to the next column's */
		g->start[c] = g->start[c - 1];
	g->start[0] = 0;
	return columns;
}

/*
 * Whether discs i and j (i before j in x order) overlap at scale s as a
 * sweep over the x-sorted pairs decides it: within reach in x, and closer
 * than the sum of their radii.
 */
static inline bool discs_overlap(const disc *d, size_t i, size_t j, double s, double reach)
{
	if (!(d[j].x - d[i].x < reach))
		return false;
	double dx = (d[j].x - d[i].x) * s, dy = (d[j].y - d[i].y) * s;
	double r = d[i].r + d[j].r;
	return dx * dx + dy * dy < r * r;
}

/*
 * The overlapping pairs disc i answers for in column c: those of its
 * partners no bigger than it (of equal size, those after it in x order)
 * within `window` of it in y. Adds them to *count, stopping past `enough`.
 */
static void count_in_column(const overlap_grid *g, size_t i, size_t c, double window, double s,
			    double reach, size_t *count, size_t enough)
{
	const disc *d = g->d;
	size_t lo = g->start[c], hi = g->start[c + 1];
	while (lo < hi) { /* the first at or above y - window */
		size_t mid = lo + (hi - lo) / 2;
		if (d[g->slot[mid]].y < d[i].y - window)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < g->start[c + 1] && *count <= enough; k++) {
		size_t j = g->slot[k];
		if (d[j].y - d[i].y > window)
			break;
		if (d[j].r > d[i].r || (d[j].r == d[i].r && j <= i))
			continue; /* the other disc answers for the pair */
		*count += i < j ? discs_overlap(d, i, j, s, reach) : discs_overlap(d, j, i, s, reach);
	}
}

/*
 * The node pairs that overlap when the layout is scaled by s, each counted
 * by the bigger of its two discs: a disc of radius r overlaps one no bigger
 * only within 2r / s of it, so it looks no further, in x (columns) and in y
 * (each column's y order), than that with a little room for rounding. The
 * pairs counted are those a sweep over every pair within the widest reach
 * in x counts. Stops counting past `enough`. O(V + pairs within reach of
 * the bigger disc), against O(V x discs within the widest reach in x).
 */
static size_t overlaps(overlap_grid *g, double r_max, double s, size_t enough)
{
	const disc *d = g->d;
	double reach = 2 * r_max / s, width = 2 * g->r_column / s * (1 + 1e-6);
	if (!(reach > 0) || !(width > 0))
		return 0; /* points only: none overlaps */
	size_t columns = overlap_grid_fill(g, width), count = 0;

	for (size_t i = 0; i < g->n && count <= enough; i++) {
		if (!(d[i].r > 0))
			continue; /* no partner no bigger can overlap it */
		size_t c = g->column[i];
		double window = 2 * d[i].r / s * (1 + 1e-6);
		double from = floor((d[i].x - window) / width), to = floor((d[i].x + window) / width);
		for (size_t k = c + 1; k-- > 0 && g->key[k] >= from && count <= enough;)
			count_in_column(g, i, k, window, s, reach, &count, enough);
		for (size_t k = c + 1; k < columns && g->key[k] <= to && count <= enough; k++)
			count_in_column(g, i, k, window, s, reach, &count, enough);
	}
	return count;
}

/* The scale a search that ends at hi settles on: hi rounded up to three
 * significant digits, a round factor that still leaves room. */
static double round_scale(double hi)
{
	double unit = pow(10, floor(log10(hi)) - 2);
	return ceil(hi / unit) * unit;
}

/*
 * Whether every scale in (lo, hi] rounds as hi does (round_scale): both in
 * one decade, clear of its ends, and rounded up alike. The bisection, whose
 * result always lies there, may then stop: the scale is the one its 20
 * rounds would reach, in about half as many.
 */
static bool rounding_settled(double lo, double hi)
{
	double decade = floor(log10(lo));
	if (decade != floor(log10(hi)))
		return false;
	double low = pow(10, decade), unit = pow(10, decade - 2);
	return lo > low * (1 + 1e-9) && hi < 10 * low * (1 - 1e-9) &&
	       ceil(lo / unit) == ceil(hi / unit);
}

/* Largest scale tried: a layout whose nodes coincide cannot be spread by scaling. */
#define SCALE_MAX 1e6

int gg_i_view_scale(gg_i_view *v)
{
	size_t n = v->n_nodes, budget = n / 100;
	double r_max = 0;
	disc *d = malloc((n ? n : 1) * sizeof(*d));

	v->scale = 1;
	if (!d)
		return gg_i_error_oom();
	for (size_t i = 0; i < n; i++) {
		const gg_node *node = gg_graph_node(v->graph, v->nodes[i]);
		d[i] = (disc){ isfinite(node->x) ? node->x : 0, isfinite(node->y) ? node->y : 0,
			       node->size > 0 ? node->size : 0 };
		if (d[i].r > r_max)
			r_max = d[i].r;
	}
	qsort(d, n, sizeof(*d), by_x);
	overlap_grid grid;
	if (overlap_grid_init(&grid, d, n) != 0) {
		free(d);
		return GG_ENOMEM;
	}
	double lo = 0, hi = 1;
	while (hi < SCALE_MAX && overlaps(&grid, r_max, hi, budget) > budget) {
		lo = hi;
		hi *= 2;
	}
	if (r_max > 0 && lo > 0) {
		for (int k = 0; k < 20 && !rounding_settled(lo, hi); k++) {
			double mid = (lo + hi) / 2;
			if (overlaps(&grid, r_max, mid, budget) > budget)
				lo = mid;
			else
				hi = mid;
		}
	}
	v->scale = round_scale(hi);
	overlap_grid_free(&grid);
	free(d);
	return 0;
}
