/* xml.c - an indenting XML writer over libxml2's output buffer that cleans and escapes every value and remembers failures, and the values GraphML and GEXF share. */
#include "export/xml.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* Hand the text to libxml2 once this much of it is waiting. */
#define FLUSH_AT (1 << 16)

/* The entity a byte of a value is written as; NULL for every other byte. */
static const char *const entities[128] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
};

/* Bytes copied as they are: printable ASCII and DEL, but for the four above. */
static const bool plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00: controls */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10: controls */
	1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: " & */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, /* 0x30: < > */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x70 */
	/* 0x80 to 0xFF: UTF-8, checked sequence by sequence */
};

/* Whether the 64-bit x holds the byte c. */
static inline bool has_byte(uint64_t x, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101ull;
	uint64_t v = x ^ (ones * c);
	return ((v - ones) & ~v & 0x8080808080808080ull) != 0;
}

/* Whether the 8 bytes at p are all plain: eight at a time through a run. */
static inline bool plain8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof(x));
	return gg_i_ascii_printable8(p) && !has_byte(x, '"') && !has_byte(x, '&') &&
	       !has_byte(x, '<') && !has_byte(x, '>');
}

/* Append the len bytes of s escaped, when they are clean text: valid UTF-8
 * without control characters. false, with out as it was, when they are not. */
static bool escape_clean(gg_i_buf *out, const char *s, size_t len)
{
	/* an entity is at most 6 bytes for one */
	if (len > SIZE_MAX / 8)
		out->oom = true;
	if (!gg_i_buf_reserve(out, 6 * len))
		return true; /* out->oom is set */
	const unsigned char *u = (const unsigned char *)s, *end = u + len;
	char *w = out->ptr + out->len;
	while (u < end) {
		const unsigned char *run = u;
		while (end - u >= 8 && plain8(u))
			u += 8;
		while (plain[*u]) /* the NUL at the end stops it */
			u++;
		memcpy(w, run, (size_t)(u - run));
		w += u - run;
		if (u == end)
			break;
		size_t n;
		if (*u < 0x80 && entities[*u]) {
			n = strlen(entities[*u]);
			memcpy(w, entities[*u], n);
			w += n;
			u++;
		} else if (*u >= 0x80 && (n = gg_i_utf8_valid_len(u, (size_t)(end - u))) != 0) {
			memcpy(w, u, n);
			w += n;
			u += n;
		} else {
			out->ptr[out->len] = '\0';
			return false;
		}
	}
	*w = '\0';
	out->len = (size_t)(w - out->ptr);
	return true;
}

/* Append s made clean (gg_i_clean) and escaped. */
static void put_value(gg_i_xml *x, const char *s)
{
	if (escape_clean(&x->chunk, s, strlen(s)))
		return;
	gg_i_buf_clear(&x->scratch);
	gg_i_clean(&x->scratch, s);
	if (x->scratch.oom)
		x->failed = true;
	else if (!escape_clean(&x->chunk, x->scratch.ptr, x->scratch.len))
		x->failed = true; /* gg_i_clean left something unclean */
}

/* Append n bytes to the chunk waiting for libxml2. */
static inline void put_n(gg_i_xml *x, const char *s, size_t n)
{
	gg_i_buf_put(&x->chunk, s, n);
}

/* Append a string; the length of a literal is known when this is inlined. */
static inline void put(gg_i_xml *x, const char *s)
{
	put_n(x, s, strlen(s));
}

/* Two spaces a level, as deep as `depth`. */
static void indent(gg_i_xml *x, size_t depth)
{
	static const char spaces[2 * GG_I_XML_DEPTH] = "                ";
	put_n(x, spaces, 2 * depth);
}

/* Hand what is waiting to libxml2 once there is `at` bytes of it (in
 * pieces an int can count). */
static void flush(gg_i_xml *x, size_t at)
{
	if (x->chunk.oom)
		x->failed = true;
	if (x->failed || x->chunk.len < at)
		return;
	for (size_t done = 0, piece; done < x->chunk.len && !x->failed; done += piece) {
		piece = x->chunk.len - done < INT_MAX ? x->chunk.len - done : INT_MAX;
		if (xmlOutputBufferWrite(x->out, (int)piece, x->chunk.ptr + done) < 0)
			x->failed = true;
	}
	gg_i_buf_clear(&x->chunk);
}

/* libxml2's own set-up, which must run once before threads use it. */
static void init_libxml(void)
{
	xmlInitParser();
}

int gg_i_xml_open(gg_i_xml *x, FILE *f)
{
	static pthread_once_t libxml_ready = PTHREAD_ONCE_INIT;

	pthread_once(&libxml_ready, init_libxml);
	*x = (gg_i_xml){ .chunk = GG_BUF_INIT, .scratch = GG_BUF_INIT };
	gg_i_libxml_silence(&x->quiet);
	x->out = xmlOutputBufferCreateFile(f, NULL);
	if (!x->out) {
		gg_i_libxml_restore(&x->quiet);
		return gg_i_error_set(GG_ERROR, "libxml2 cannot start an XML writer");
	}
	put(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	return 0;
}

void gg_i_xml_start(gg_i_xml *x, const char *element)
{
	if (x->failed)
		return;
	if (x->depth == GG_I_XML_DEPTH) {
		x->failed = true;
		return;
	}
	if (x->in_tag)
		put(x, ">\n");
	indent(x, x->depth);
	put(x, "<");
	put(x, element);
	x->open[x->depth++] = element;
	x->in_tag = true;
	x->has_text = false;
}

void gg_i_xml_end(gg_i_xml *x)
{
	if (x->failed)
		return;
	if (!x->depth) {
		x->failed = true;
		return;
	}
	const char *element = x->open[--x->depth];
	if (x->in_tag) {
		put(x, "/>\n");
	} else {
		if (!x->has_text)
			indent(x, x->depth);
		put(x, "</");
		put(x, element);
		put(x, ">\n");
	}
	x->in_tag = x->has_text = false;
	flush(x, FLUSH_AT);
}

/* Start attribute `name`: ` name="`; false when no start tag is open. */
static bool attr_start(gg_i_xml *x, const char *name)
{
	if (x->failed || !x->in_tag) {
		x->failed = true;
		return false;
	}
	put(x, " ");
	put(x, name);
	put(x, "=\"");
	return true;
}

void gg_i_xml_attr(gg_i_xml *x, const char *name, const char *value)
{
	if (!attr_start(x, name))
		return;
	put_value(x, value);
	put(x, "\"");
}

/* An attribute whose value needs neither cleaning nor escaping: a number, an id. */
static void attr_plain(gg_i_xml *x, const char *name, const char *value)
{
	if (!attr_start(x, name))
		return;
	put(x, value);
	put(x, "\"");
}

/* Write v in decimal at the end of buf; returns where it starts. */
static char *decimal(char buf[GG_I_NUMBER_MAX], unsigned long long v)
{
	char *p = buf + GG_I_NUMBER_MAX - 1;
	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

/* A whole number in decimal, with its sign; returns where it starts in buf. */
static char *signed_decimal(char buf[GG_I_NUMBER_MAX], long long v)
{
	unsigned long long magnitude = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	char *p = decimal(buf, magnitude);
	if (v < 0)
		*--p = '-';
	return p;
}

/* v as gg_i_number writes it, from the numbers remembered when it is one. */
static const char *number(gg_i_xml *x, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	uint64_t hash = (bits ^ (bits >> 29)) * 0x9E3779B97F4A7C15u;
	gg_i_xml_number *n = &x->numbers[(hash >> 32) % GG_I_XML_NUMBERS];
	if (!n->set || n->bits != bits) {
		gg_i_number(n->text, v);
		n->bits = bits;
		n->set = true;
	}
	return n->text;
}

void gg_i_xml_attr_number(gg_i_xml *x, const char *name, double value)
{
	attr_plain(x, name, number(x, value));
}

void gg_i_xml_attr_uint(gg_i_xml *x, const char *name, unsigned long long value)
{
	char num[GG_I_NUMBER_MAX];
	attr_plain(x, name, decimal(num, value));
}

/* An id attribute "<prefix><index>": n17, e42. */
static void attr_id(gg_i_xml *x, const char *name, char prefix, size_t index)
{
	char num[GG_I_NUMBER_MAX];
	char *id = decimal(num, index);
	*--id = prefix;
	attr_plain(x, name, id);
}

/* Text content of the element open, which then holds no elements. */
static void text(gg_i_xml *x, const char *value)
{
	if (x->failed)
		return;
	if (!x->depth) {
		x->failed = true;
		return;
	}
	if (x->in_tag)
		put(x, ">");
	x->in_tag = false;
	x->has_text = true;
	put_value(x, value);
}

void gg_i_xml_element(gg_i_xml *x, const char *element, const char *value)
{
	gg_i_xml_start(x, element);
	text(x, value);
	gg_i_xml_end(x);
}

void gg_i_xml_value_style(gg_i_xml *x, const char *element, const char *key, const char *attr)
{
	x->value_element = element;
	x->value_key = key;
	x->value_attr = attr;
	x->value_element_len = element ? strlen(element) : 0;
	x->value_key_len = key ? strlen(key) : 0;
	x->value_attr_len = attr ? strlen(attr) : 0;
}

/*
 * One value in the format's style, written as it is when `plain_value`:
 * the bytes gg_i_xml_start, the attributes or the text and gg_i_xml_end
 * write for it, put at once.
 */
static void value(gg_i_xml *x, const char *name, const char *v, bool plain_value)
{
	if (x->failed)
		return;
	if (!x->value_element || !x->value_key || x->depth == GG_I_XML_DEPTH) {
		x->failed = true;
		return;
	}
	if (x->in_tag)
		put(x, ">\n");
	indent(x, x->depth);
	put(x, "<");
	put_n(x, x->value_element, x->value_element_len);
	put(x, " ");
	put_n(x, x->value_key, x->value_key_len);
	put(x, "=\"");
	put(x, name);
	if (x->value_attr) {
		put(x, "\" ");
		put_n(x, x->value_attr, x->value_attr_len);
		put(x, "=\"");
		if (plain_value)
			put(x, v);
		else
			put_value(x, v);
		put(x, "\"/>\n");
	} else {
		put(x, "\">");
		if (plain_value)
			put(x, v);
		else
			put_value(x, v);
		put(x, "</");
		put_n(x, x->value_element, x->value_element_len);
		put(x, ">\n");
	}
	x->in_tag = x->has_text = false; /* the element holding it now holds elements */
	flush(x, FLUSH_AT);
}

void gg_i_xml_value(gg_i_xml *x, const char *name, const char *v)
{
	value(x, name, v, false);
}

void gg_i_xml_value_number(gg_i_xml *x, const char *name, double v)
{
	value(x, name, number(x, v), true);
}

void gg_i_xml_value_int(gg_i_xml *x, const char *name, long long v)
{
	char num[GG_I_NUMBER_MAX];
	value(x, name, signed_decimal(num, v), true);
}

void gg_i_xml_start_node(gg_i_xml *x, const gg_i_node_text *t)
{
	gg_i_xml_start(x, "node");
	attr_id(x, "id", 'n', t->index);
}

void gg_i_xml_start_edge(gg_i_xml *x, const gg_i_edge_text *t)
{
	gg_i_xml_start(x, "edge");
	attr_id(x, "id", 'e', t->index);
	attr_id(x, "source", 'n', t->from);
	attr_id(x, "target", 'n', t->to);
}

void gg_i_xml_node_values(gg_i_xml *x, const gg_i_node_text *t, const char *aliases,
			  const char *categories)
{
	const gg_node *n = t->node;

	gg_i_xml_value(x, "name", gg_i_str(&t->name));
	gg_i_xml_value(x, "node_kind", gg_i_type_name(n->kind));
	gg_i_xml_value(x, "aliases", aliases);
	gg_i_xml_value(x, "categories", categories);
	gg_i_xml_value(x, "definition", gg_i_str(&t->definition));
	gg_i_xml_value(x, "summary", gg_i_str(&t->summary));
	gg_i_xml_value_int(x, "community", n->community);
	gg_i_xml_value(x, "community_name", gg_i_str(&t->community_name));
	gg_i_xml_value_number(x, "pagerank", n->pagerank);
	gg_i_xml_value_number(x, "betweenness", n->betweenness);
	gg_i_xml_value_int(x, "in_degree", n->in_degree);
	gg_i_xml_value_int(x, "out_degree", n->out_degree);
}

void gg_i_xml_edge_values(gg_i_xml *x, const gg_i_edge_text *t, bool held)
{
	const gg_edge *e = t->edge;

	gg_i_xml_value_int(x, "mentions", e->weight);
	gg_i_xml_value(x, "rule", gg_match_rule_name(e->rule));
	gg_i_xml_value(x, "evidence", gg_i_str(&t->evidence));
	gg_i_xml_value(x, "surface", gg_i_str(&t->surface));
	gg_i_xml_value_number(x, "specificity", e->specificity);
	gg_i_xml_value(x, "cued", e->cued ? "true" : "false");
	gg_i_xml_value_number(x, "score", e->score);
	if (held)
		gg_i_xml_value(x, "held", gg_hold_reason_name(e->held));
}

int gg_i_xml_each_node(gg_i_xml *x, const gg_i_view *v,
		       void (*write)(gg_i_xml *x, const gg_i_node_text *t))
{
	gg_i_node_text t = { 0 };
	int err = 0;

	for (size_t i = 0; i < v->n_nodes && !err && !x->failed; i++) {
		gg_i_progress_step(&v->options->progress, GG_STAGE_EXPORT, i,
				   v->n_nodes + v->n_edges, 0, 1);
		err = gg_i_node_text_fill(&t, v, i);
		if (!err)
			write(x, &t);
	}
	gg_i_node_text_free(&t);
	return err;
}

int gg_i_xml_each_edge(gg_i_xml *x, const gg_i_view *v, bool held,
		       void (*write)(gg_i_xml *x, const gg_i_edge_text *t, bool held))
{
	gg_i_edge_text t = { 0 };
	int err = 0;

	for (size_t i = 0; i < v->n_edges && !err && !x->failed; i++) {
		gg_i_progress_step(&v->options->progress, GG_STAGE_EXPORT, v->n_nodes + i,
				   v->n_nodes + v->n_edges, 0, 1);
		err = gg_i_edge_text_fill(&t, v, i);
		if (!err)
			write(x, &t, held);
	}
	gg_i_edge_text_free(&t);
	return err;
}

int gg_i_xml_close(gg_i_xml *x, const char *what)
{
	while (x->depth && !x->failed)
		gg_i_xml_end(x);
	flush(x, 0);
	if (!x->failed && xmlOutputBufferFlush(x->out) < 0)
		x->failed = true;
	if (xmlOutputBufferClose(x->out) < 0)
		x->failed = true;
	x->out = NULL;
	gg_i_libxml_restore(&x->quiet);
	bool oom = x->chunk.oom || x->scratch.oom;
	gg_i_buf_free(&x->chunk);
	gg_i_buf_free(&x->scratch);
	if (oom)
		return gg_i_error_oom();
	if (x->failed)
		return gg_i_error_set(GG_ERROR, "cannot write the %s: libxml2 failed", what);
	return 0;
}
