/* dot.c - DOT written as a stream in cgraph's own layout and quoting, and the cgraph graph SVG lays out: synthetic node ids, the term as label, colour by community, size by centrality. */
#include "export/dot.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* graphviz 2.43 takes char * for strings it only reads: the casts live here and in svg.c. */
#define GV(s) ((char *)(s))

/* What graphviz said since gg_i_gv_capture_begin. */
static char gv_messages[1024];
static agusererrf previous_handler;
static agerrlevel_t previous_level;

/* Keep graphviz's message (warnings too), one line, in gv_messages. */
static int capture(char *message)
{
	size_t len = strlen(gv_messages);
	while (*message == ' ' || *message == '\n')
		message++;
	for (const char *p = message; *p && len + 2 < sizeof(gv_messages); p++) {
		if (*p == '\n') {
			if (p[1] && len && gv_messages[len - 1] != ' ')
				gv_messages[len++] = ' ';
			continue;
		}
		gv_messages[len++] = *p;
	}
	if (len && gv_messages[len - 1] != ' ' && len + 2 < sizeof(gv_messages))
		gv_messages[len++] = ' ';
	gv_messages[len] = '\0';
	return 0;
}

void gg_i_gv_capture_begin(void)
{
	gv_messages[0] = '\0';
	previous_handler = agseterrf(capture);
	previous_level = agseterr(AGWARN);
}

const char *gg_i_gv_messages(void)
{
	size_t len = strlen(gv_messages);
	while (len && gv_messages[len - 1] == ' ')
		gv_messages[--len] = '\0';
	return len ? gv_messages : "no reason given";
}

void gg_i_gv_capture_end(void)
{
	agseterrf(previous_handler);
	agseterr(previous_level);
}

/* Append clean text with, when asked, backslashes doubled and '&' as &amp;. */
static void escape(gg_i_buf *out, const char *s, bool backslash, bool amp)
{
	const char *stops = backslash ? (amp ? "\\&" : "\\") : (amp ? "&" : "");
	for (;;) {
		size_t run = strcspn(s, stops);
		gg_i_buf_put(out, s, run);
		s += run;
		if (!*s)
			return;
		gg_i_buf_puts(out, *s == '\\' ? "\\\\" : "&amp;");
		s++;
	}
}

/*
 * Longest value, in bytes, once escaped: graphviz reads no quoted string
 * past 16,384 bytes, and agcanon may double it still (\" for ").
 */
#define VALUE_MAX 8000

/*
 * Cut the escaped value that starts at out->ptr[start] to VALUE_MAX bytes
 * with an ellipsis when it is longer, between two characters and never
 * inside an escape (\\, &amp;).
 */
static void cap_value(gg_i_buf *out, size_t start)
{
	if (out->oom || out->len - start <= VALUE_MAX)
		return;
	size_t at = start, end = start + VALUE_MAX - 3;
	for (;;) {
		const char *p = out->ptr + at;
		size_t step = *p == '\\' ? 2 : strncmp(p, "&amp;", 5) == 0 ? 5 : 1;
		while (step == 1 && at + step < out->len &&
		       ((unsigned char)p[step] & 0xC0) == 0x80)
			step++;
		if (at + step > end)
			break;
		at += step;
	}
	out->len = at;
	out->ptr[at] = '\0';
	gg_i_buf_puts(out, "\xE2\x80\xA6"); /* ... */
}

/* An attribute of the nodes or of the edges, with its default value. */
typedef struct attribute {
	const char *name;
	const char *def;
} attribute;

/* The node attributes, in the order cgraph writes them: by name. */
enum node_attribute {
	NODE_ALIASES, NODE_BETWEENNESS, NODE_CATEGORIES, NODE_COLOR, NODE_COMMUNITY,
	NODE_COMMUNITY_NAME, NODE_DEFINITION, NODE_FILLCOLOR, NODE_FONTNAME, NODE_FONTSIZE,
	NODE_LABEL, NODE_NAME, NODE_NODE_KIND, NODE_PAGERANK, NODE_PENWIDTH, NODE_SIZE, NODE_STYLE,
	NODE_TOOLTIP, NODE_COUNT
};

static const attribute node_attributes[NODE_COUNT] = {
	[NODE_ALIASES] = { "aliases", "" },
	[NODE_BETWEENNESS] = { "betweenness", "" },
	[NODE_CATEGORIES] = { "categories", "" },
	[NODE_COLOR] = { "color", "#666666" },
	[NODE_COMMUNITY] = { "community", "" },
	[NODE_COMMUNITY_NAME] = { "community_name", "" },
	[NODE_DEFINITION] = { "definition", "" },
	[NODE_FILLCOLOR] = { "fillcolor", "" },
	[NODE_FONTNAME] = { "fontname", "Helvetica" },
	[NODE_FONTSIZE] = { "fontsize", "14" },
	[NODE_LABEL] = { "label", "" },
	[NODE_NAME] = { "name", "" },
	[NODE_NODE_KIND] = { "node_kind", "" },
	[NODE_PAGERANK] = { "pagerank", "" },
	[NODE_PENWIDTH] = { "penwidth", "0.6" },
	[NODE_SIZE] = { "size", "" },
	[NODE_STYLE] = { "style", "filled" },
	[NODE_TOOLTIP] = { "tooltip", "" },
};

/* The edge attributes, by name as well. */
enum edge_attribute {
	EDGE_ARROWSIZE, EDGE_COLOR, EDGE_EVIDENCE, EDGE_KIND, EDGE_PENWIDTH, EDGE_RULE,
	EDGE_TOOLTIP, EDGE_WEIGHT, EDGE_COUNT
};

static const attribute edge_attributes[EDGE_COUNT] = {
	[EDGE_ARROWSIZE] = { "arrowsize", "0.6" },
	[EDGE_COLOR] = { "color", "#44444470" },
	[EDGE_EVIDENCE] = { "evidence", "" },
	[EDGE_KIND] = { "kind", "" },
	[EDGE_PENWIDTH] = { "penwidth", "1" },
	[EDGE_RULE] = { "rule", "" },
	[EDGE_TOOLTIP] = { "tooltip", "" },
	[EDGE_WEIGHT] = { "weight", "1" },
};

/* The graph attributes of the DOT file, by name: edges drawn under the
 * nodes, as in the SVG. No layout: the command chosen (sfdp, neato, dot)
 * runs its own; dot's takes hours on a few thousand nodes, sfdp seconds. */
static const attribute graph_attributes[] = {
	{ "outputorder", "edgesfirst" },
	{ "overlap", "prism" },
	{ "splines", "false" },
};

/* Font size from the display size (1 to 10): 10 to 28 points. */
static double font_size(double size)
{
	if (!(size >= 1))
		size = 1;
	return 8 + 2 * (size > 10 ? 10 : size);
}

/* The focus's font size: above any other node's, so that it stands out. */
#define FOCUS_FONT_SIZE 34

/* Line width from the number of mentions: 0.6 for one, up to 4 from 20 on. */
static double pen_width(uint32_t weight)
{
	double w = 0.6 + 0.8 * log2(weight > 1 ? (double)weight : 1);
	return w > 4 ? 4 : w;
}

/* The line widths as gg_i_number writes them, by weight; 20 and more are all 4. */
#define PEN_WIDTHS 21
typedef struct pen_widths {
	char text[PEN_WIDTHS][GG_I_NUMBER_MAX];
} pen_widths;

/* Fill p with the text of every line width below PEN_WIDTHS mentions. */
static void pen_widths_init(pen_widths *p)
{
	for (uint32_t w = 0; w < PEN_WIDTHS; w++)
		gg_i_number(p->text[w], pen_width(w));
}

/* The line width of an edge of `weight` mentions, as text. */
static const char *pen_width_text(const pen_widths *p, uint32_t weight)
{
	return p->text[weight < PEN_WIDTHS ? weight : PEN_WIDTHS - 1];
}

/* Append x as gg_i_number writes it. */
static void put_number(gg_i_buf *out, double x)
{
	char num[GG_I_NUMBER_MAX];
	gg_i_buf_puts(out, gg_i_number(num, x));
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

/* Append a whole number in decimal, with its sign. */
static void put_int(gg_i_buf *out, long long v)
{
	char num[GG_I_NUMBER_MAX];
	char *p = decimal(num, v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v);
	if (v < 0)
		*--p = '-';
	gg_i_buf_puts(out, p);
}

/*
 * Append the value of node attribute `a`, escaped for graphviz: the focus
 * is drawn in bold, larger than any other node, with a thick dark border;
 * attributes the node does not set get their default.
 */
static void node_value(gg_i_buf *out, enum node_attribute a, const gg_i_node_text *t, bool is_focus)
{
	const gg_node *n = t->node;
	size_t start = out->len;
	char hex[8];

	switch (a) {
	case NODE_ALIASES: escape(out, gg_i_str(&t->aliases), true, false); break;
	case NODE_BETWEENNESS: put_number(out, n->betweenness); break;
	case NODE_CATEGORIES: escape(out, gg_i_str(&t->categories), true, false); break;
	case NODE_COLOR: gg_i_buf_puts(out, is_focus ? "#000000" : node_attributes[a].def); break;
	case NODE_COMMUNITY: put_int(out, n->community); break;
	case NODE_COMMUNITY_NAME: escape(out, gg_i_str(&t->community_name), true, false); break;
	case NODE_DEFINITION: escape(out, gg_i_str(&t->definition), true, false); break;
	case NODE_FILLCOLOR:
		gg_i_community_hex(n->community, hex);
		gg_i_buf_puts(out, hex);
		break;
	case NODE_FONTSIZE: put_number(out, is_focus ? FOCUS_FONT_SIZE : font_size(n->size)); break;
	case NODE_FONTNAME: gg_i_buf_puts(out, is_focus ? "Helvetica-Bold" : node_attributes[a].def); break;
	case NODE_LABEL: escape(out, gg_i_str(&t->label), true, true); break;
	case NODE_PAGERANK: put_number(out, n->pagerank); break;
	case NODE_PENWIDTH: gg_i_buf_puts(out, is_focus ? "3" : node_attributes[a].def); break;
	case NODE_SIZE: put_number(out, n->size); break;
	case NODE_TOOLTIP: escape(out, gg_i_str(&t->summary), true, true); break;
	case NODE_NAME: escape(out, gg_i_str(&t->name), true, false); break;
	case NODE_NODE_KIND: gg_i_buf_puts(out, gg_i_type_name(n->kind)); break;
	case NODE_STYLE:
		gg_i_buf_puts(out, node_attributes[a].def);
		break;
	case NODE_COUNT: /* not an attribute */
		break;
	}
	cap_value(out, start);
}

/* Append the value of edge attribute `a`, escaped for graphviz; the tooltip
 * names both ends by their labels. */
static void edge_value(gg_i_buf *out, enum edge_attribute a, const gg_i_edge_text *t,
		       const char *from_label, const char *to_label, const pen_widths *pens)
{
	const gg_edge *e = t->edge;
	const char *kind = gg_edge_kind_name(e->kind);
	size_t start = out->len;

	switch (a) {
	case EDGE_EVIDENCE: escape(out, gg_i_str(&t->evidence), true, false); break;
	case EDGE_KIND: gg_i_buf_puts(out, kind); break;
	case EDGE_PENWIDTH: gg_i_buf_puts(out, pen_width_text(pens, e->weight)); break;
	case EDGE_RULE: gg_i_buf_puts(out, gg_match_rule_name(e->rule)); break;
	case EDGE_TOOLTIP:
		escape(out, from_label, true, true);
		gg_i_buf_puts(out, " \xE2\x86\x92 ");
		escape(out, to_label, true, true);
		gg_i_buf_puts(out, " (");
		gg_i_buf_puts(out, kind);
		gg_i_buf_puts(out, ", ");
		put_int(out, e->weight);
		gg_i_buf_puts(out, ")");
		break;
	case EDGE_WEIGHT: put_int(out, e->weight); break;
	case EDGE_ARROWSIZE:
	case EDGE_COLOR:
		gg_i_buf_puts(out, edge_attributes[a].def);
		break;
	case EDGE_COUNT: /* not an attribute */
		break;
	}
	cap_value(out, start);
}

/* What the DOT stream and the cgraph graph keep of a node of the graph. */
typedef struct node_slot {
	size_t at;         /* stream: its position in the view; SIZE_MAX when out of it */
	size_t first_pred; /* stream: the view position of its first predecessor; SIZE_MAX when none */
	size_t label;      /* where its label starts in the labels */
	Agnode_t *node;    /* cgraph: the node made for it */
} node_slot;

/*
 * The slots of the graph's nodes, by graph index, all of a node's in one
 * place so that an edge finds its target's at once, and the clean labels
 * of the nodes written so far, for the edges' tooltips. Free with
 * nodes_free, also after a failure.
 */
typedef struct nodes {
	node_slot *slot;
	gg_i_buf labels; /* the labels, each ended by a NUL */
} nodes;

/* Slots for the n nodes of a graph, none in the view yet. Returns 0 or GG_ENOMEM. */
static int nodes_init(nodes *n, size_t count)
{
	n->labels = (gg_i_buf)GG_BUF_INIT;
	n->slot = count <= SIZE_MAX / sizeof(*n->slot)
		? malloc((count ? count : 1) * sizeof(*n->slot)) : NULL;
	if (!n->slot)
		return gg_i_error_oom();
	for (size_t i = 0; i < count; i++)
		n->slot[i] = (node_slot){ SIZE_MAX, SIZE_MAX, 0, NULL };
	return 0;
}

/* Keep node `index`'s label. Returns 0 or GG_ENOMEM. */
static int nodes_put_label(nodes *n, size_t index, const gg_i_buf *label)
{
	n->slot[index].label = n->labels.len;
	gg_i_buf_put(&n->labels, gg_i_str(label), label->len + 1);
	return gg_i_buf_ok(&n->labels);
}

/* The label kept for node `index`. */
static const char *nodes_label(const nodes *n, size_t index)
{
	return n->labels.ptr + n->slot[index].label;
}

/* Release what n holds (not n itself). */
static void nodes_free(nodes *n)
{
	gg_i_buf_free(&n->labels);
	free(n->slot);
}

/* ---- the cgraph graph, for the SVG renderer ---- */

/* Declare the graph's drawing order and every node and edge attribute with
 * its default into syms; false when cgraph cannot. */
static bool declare(Agraph_t *g, Agsym_t *node_syms[NODE_COUNT], Agsym_t *edge_syms[EDGE_COUNT])
{
	bool ok = agattr(g, AGRAPH, GV("outputorder"), GV("edgesfirst")) != NULL;
	for (int a = 0; a < NODE_COUNT; a++) {
		node_syms[a] = agattr(g, AGNODE, GV(node_attributes[a].name),
				      GV(node_attributes[a].def));
		ok = ok && node_syms[a];
	}
	for (int a = 0; a < EDGE_COUNT; a++) {
		edge_syms[a] = agattr(g, AGEDGE, GV(edge_attributes[a].name),
				      GV(edge_attributes[a].def));
		ok = ok && edge_syms[a];
	}
	return ok;
}

/* Add a node of the view, named after its term; *node gets it. */
static int add_node(Agraph_t *g, Agsym_t *const syms[NODE_COUNT], const gg_i_node_text *t,
		    bool is_focus, gg_i_buf *scratch, Agnode_t **node)
{
	gg_i_buf_clear(scratch);
	escape(scratch, gg_i_str(&t->label), false, true); /* a name is no escString */
	if (!scratch->len || agnode(g, scratch->ptr, 0))
		gg_i_buf_printf(scratch, " (n%zu)", t->index); /* two terms look alike once cleaned */
	if (scratch->oom)
		return gg_i_error_oom();
	Agnode_t *n = agnode(g, scratch->ptr, 1);
	if (!n)
		return gg_i_error_set(GG_ERROR, "graphviz cannot add node %zu", t->index);
	for (int a = 0; a < NODE_COUNT; a++) {
		gg_i_buf_clear(scratch);
		node_value(scratch, (enum node_attribute)a, t, is_focus);
		if (scratch->oom)
			return gg_i_error_oom();
		if (strcmp(scratch->ptr, node_attributes[a].def) != 0)
			agxset(n, syms[a], scratch->ptr);
	}
	*node = n;
	return 0;
}

/* Add an edge of the view between two nodes already added. */
static int add_edge(Agraph_t *g, Agsym_t *const syms[EDGE_COUNT], const gg_i_edge_text *t,
		    const nodes *n, const pen_widths *pens, gg_i_buf *scratch)
{
	char key[GG_I_NUMBER_MAX];

	snprintf(key, sizeof(key), "e%zu", t->index);
	Agedge_t *e = agedge(g, n->slot[t->from].node, n->slot[t->to].node, key, 1);
	if (!e)
		return gg_i_error_set(GG_ERROR, "graphviz cannot add edge %zu", t->index);
	for (int a = 0; a < EDGE_COUNT; a++) {
		gg_i_buf_clear(scratch);
		edge_value(scratch, (enum edge_attribute)a, t, nodes_label(n, t->from),
			   nodes_label(n, t->to), pens);
		if (scratch->oom)
			return gg_i_error_oom();
		if (strcmp(scratch->ptr, edge_attributes[a].def) != 0)
			agxset(e, syms[a], scratch->ptr);
	}
	return 0;
}

int gg_i_dot_graph(Agraph_t **out, const gg_i_view *v)
{
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	gg_i_buf scratch = GG_BUF_INIT;
	Agsym_t *node_syms[NODE_COUNT], *edge_syms[EDGE_COUNT];
	pen_widths pens;
	nodes n;
	Agraph_t *g = NULL;
	int err = nodes_init(&n, gg_graph_node_count(v->graph));

	*out = NULL;
	pen_widths_init(&pens);
	if (err)
		goto cleanup;
	g = agopen(GV("glossgraph"), Agdirected, NULL);
	if (!g || !declare(g, node_syms, edge_syms)) {
		err = gg_i_error_set(GG_ERROR, "graphviz cannot make a graph");
		goto cleanup;
	}
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = add_node(g, node_syms, &nt, v->has_focus && nt.index == v->focus_node,
				       &scratch, &n.slot[nt.index].node);
		if (!err)
			err = nodes_put_label(&n, nt.index, &nt.label);
	}
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			err = add_edge(g, edge_syms, &et, &n, &pens, &scratch);
	}
	/* the centre of a radial (twopi) layout */
	if (!err && v->has_focus &&
	    agsafeset(n.slot[v->focus_node].node, GV("root"), GV("true"), GV("")) != 0)
		err = gg_i_error_set(GG_ERROR, "graphviz cannot mark the focus");
cleanup:
	if (err && g)
		agclose(g);
	else
		*out = g;
	nodes_free(&n);
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	gg_i_buf_free(&scratch);
	return err;
}

/* ---- the DOT stream ---- */

/* Hand the text to the FILE once this much of it is waiting. */
#define FLUSH_AT (1 << 16)

/*
 * The DOT text being written: what agwrite would write for the cgraph
 * graph of the view, from the graph's order, without the graph. Writes
 * after a failure (out of memory, the FILE's) do nothing; gg_i_write_dot
 * reports it.
 */
typedef struct dot_stream {
	FILE *f;
	gg_i_buf out;    /* text not yet handed to f */
	gg_i_buf text;   /* the value to quote */
	int write_errno; /* errno of the failed write, 0 while none */
	pen_widths pens;
	/* the attribute names as agcanon quotes them */
	char node_names[NODE_COUNT][32], edge_names[EDGE_COUNT][32];
} dot_stream;

/* Whether the stream ran out of memory or its FILE failed. */
static bool failed(const dot_stream *s)
{
	return s->out.oom || s->text.oom || s->write_errno;
}

/* Hand what is waiting to the FILE once there is `at` bytes of it. */
static void flush(dot_stream *s, size_t at)
{
	if (failed(s) || s->out.len < at)
		return;
	if (s->out.len && fwrite(s->out.ptr, 1, s->out.len, s->f) != s->out.len)
		s->write_errno = errno ? errno : EIO;
	gg_i_buf_clear(&s->out);
}

/* Hand everything to the FILE and have it written, so that a failure shows now. */
static void finish(dot_stream *s)
{
	flush(s, 0);
	if (!failed(s) && fflush(s->f) != 0)
		s->write_errno = errno ? errno : EIO;
}

/* Append a string to what waits for the FILE. */
static inline void put(dot_stream *s, const char *text)
{
	gg_i_buf_puts(&s->out, text);
}

/* cgraph breaks a quoted string with a backslash and a newline once a line
 * of it has this many bytes (agwrite's default line length), at the next
 * place word_byte allows. */
#define CANON_LINE 128

/* Whether byte c may stand in an unquoted DOT id: an ASCII letter or digit,
 * '_', or a byte of a character beyond ASCII. */
static inline bool id_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c >= 0x80;
}

/* Whether byte c is one of a word a long line is not broken after: letters,
 * digits, '.', '-' and bytes beyond ASCII, as cgraph decides it. */
static inline bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-' || c >= 0x80;
}

/* Whether s is one of DOT's keywords, in any case: an id that must be quoted. */
static bool is_keyword(const char *s, size_t len)
{
	static const char *const keywords[] = { "node", "edge", "strict", "graph", "digraph",
						"subgraph" };
	if (len < 4 || len > 8)
		return false;
	for (size_t k = 0; k < sizeof(keywords) / sizeof(keywords[0]); k++)
		if (gg_i_strcasecmp(s, keywords[k]) == 0)
			return true;
	return false;
}

void gg_i_dot_canon(gg_i_buf *out, const char *str)
{
	size_t len = strlen(str);
	if (!len) {
		gg_i_buf_puts(out, "\"\"");
		return;
	}
	/* each byte at most two, a break (two bytes) per CANON_LINE of them, the quotes */
	if (len > SIZE_MAX / 4 || !gg_i_buf_reserve(out, 2 * len + 2 * (len / CANON_LINE + 1) + 2)) {
		out->oom = true;
		return;
	}
	const unsigned char *u = (const unsigned char *)str; /* u[len] is the NUL */
	char *w = out->ptr + out->len;
	bool number = (u[0] >= '0' && u[0] <= '9') || u[0] == '.' || u[0] == '-';
	bool quote = false, break_pending = false;
	size_t line = 0, points = 0;

	*w++ = '"';
	for (size_t i = 0; i < len;) {
		unsigned char c = u[i];
		if (quote && !number && !break_pending && line + 1 < CANON_LINE && c != '"') {
			/* a run that can neither end a line nor need escaping: copied whole */
			size_t run = CANON_LINE - 1 - line;
			if (run > len - i)
				run = len - i;
			const unsigned char *stop = memchr(u + i, '"', run);
			if (stop)
				run = (size_t)(stop - (u + i));
			memcpy(w, u + i, run);
			w += run;
			i += run;
			line += run;
			continue;
		}
		if (c == '"') {
			*w++ = '\\';
			quote = true;
		} else if (number) {
			if ((c == '-' && line) || (c == '.' && points++) ||
			    (c != '-' && c != '.' && !(c >= '0' && c <= '9'))) {
				number = false;
				quote = true;
			}
		} else if (!id_byte(c)) {
			quote = true;
		}
		*w++ = (char)c;
		line++;
		unsigned char next = u[++i];
		if (next && (break_pending || line >= CANON_LINE)) {
			unsigned char last = (unsigned char)w[-1];
			if (!word_byte(last) && last != '\\' && word_byte(next)) {
				*w++ = '\\';
				*w++ = '\n';
				quote = true;
				break_pending = false;
				line = 0;
			} else if (line >= CANON_LINE) {
				break_pending = true;
			}
		}
	}
	*w++ = '"';
	if (quote || (line == 1 && (u[0] == '.' || u[0] == '-')) || is_keyword(str, len)) {
		*w = '\0';
		out->len = (size_t)(w - out->ptr);
	} else {
		gg_i_buf_put(out, str, len); /* an id or a number: as it is */
	}
}

/* Append a string quoted as agcanon quotes it. */
static void put_canon(dot_stream *s, const char *str)
{
	if (!failed(s))
		gg_i_dot_canon(&s->out, str);
}

/* Append the value in s->text, quoted. */
static void put_text(dot_stream *s)
{
	put_canon(s, gg_i_str(&s->text));
}

/* Append an id "<prefix><index>" (n17, e42), quoted as agcanon quotes it. */
static void put_id(dot_stream *s, char prefix, size_t index)
{
	char num[GG_I_NUMBER_MAX];
	char *id = decimal(num, index);
	*--id = prefix;
	put_canon(s, id);
}

/* Quote an attribute name into dst: 32 bytes hold any of the tables'; "" on failure. */
static void quote_name(dot_stream *s, const char *name, char dst[32])
{
	put_canon(s, name);
	dst[0] = '\0';
	if (s->out.len < 32 && !failed(s))
		memcpy(dst, s->out.ptr, s->out.len + 1);
	gg_i_buf_clear(&s->out);
}

/* Quote every attribute name once, before anything else is written. */
static void quote_names(dot_stream *s)
{
	for (int a = 0; a < NODE_COUNT; a++)
		quote_name(s, node_attributes[a].name, s->node_names[a]);
	for (int a = 0; a < EDGE_COUNT; a++)
		quote_name(s, edge_attributes[a].name, s->edge_names[a]);
}

/* "\tKIND [a=1,\n\t\tb=2\n\t];\n" for the attributes with a default, as
 * agwrite declares them; nothing when none has one. */
static void put_defaults(dot_stream *s, const char *kind, const attribute *attrs, size_t n)
{
	size_t written = 0;
	for (size_t a = 0; a < n; a++) {
		if (!*attrs[a].def)
			continue;
		if (written++) {
			put(s, ",\n\t\t");
		} else {
			put(s, "\t");
			put(s, kind);
			put(s, " [");
		}
		put_canon(s, attrs[a].name);
		put(s, "=");
		put_canon(s, attrs[a].def);
	}
	if (written > 1)
		put(s, "\n\t");
	if (written)
		put(s, "];\n");
}

/* Start an attribute of a node or an edge: "\t[" before the first, ",\n\t\t" before the others. */
static void put_attr_name(dot_stream *s, const char *quoted_name, size_t *written)
{
	put(s, (*written)++ ? ",\n\t\t" : "\t[");
	put(s, quoted_name);
	put(s, "=");
}

/* A node statement with every attribute that is not its default; keeps its label. */
static int put_node(dot_stream *s, const gg_i_view *v, size_t i, gg_i_node_text *t, nodes *n)
{
	int err = gg_i_node_text_fill(t, v, i);
	if (!err)
		err = nodes_put_label(n, t->index, &t->label);
	if (err)
		return err;
	bool is_focus = v->has_focus && t->index == v->focus_node;
	size_t written = 0;
	put(s, "\t");
	put_id(s, 'n', t->index);
	for (int a = 0; a < NODE_COUNT; a++) {
		gg_i_buf_clear(&s->text);
		node_value(&s->text, (enum node_attribute)a, t, is_focus);
		if (s->text.oom || strcmp(gg_i_str(&s->text), node_attributes[a].def) == 0)
			continue;
		put_attr_name(s, s->node_names[a], &written);
		put_text(s);
	}
	put(s, written ? "];\n" : ";\n");
	return 0;
}

/* An edge statement, its key first, then every attribute that is not its default. */
static int put_edge(dot_stream *s, const gg_i_view *v, size_t i, gg_i_edge_text *t,
		    const nodes *n)
{
	int err = gg_i_edge_text_fill(t, v, i);
	if (err)
		return err;
	put(s, "\t");
	put_id(s, 'n', t->from);
	put(s, " -> ");
	put_id(s, 'n', t->to);
	put(s, "\t[key=");
	put_id(s, 'e', t->index);
	for (int a = 0; a < EDGE_COUNT; a++) {
		gg_i_buf_clear(&s->text);
		edge_value(&s->text, (enum edge_attribute)a, t, nodes_label(n, t->from),
			   nodes_label(n, t->to), &s->pens);
		if (s->text.oom || strcmp(gg_i_str(&s->text), edge_attributes[a].def) == 0)
			continue;
		put(s, ",\n\t\t");
		put(s, s->edge_names[a]);
		put(s, "=");
		put_text(s);
	}
	put(s, "];\n");
	return 0;
}

/*
 * Where agwrite puts each node: into the slot of each node of the view,
 * its position in the view and that of its first predecessor. The edges
 * must come by source, then target, as the graph keeps them. Returns 0, or
 * GG_ERROR when they do not.
 */
static int place_nodes(const gg_i_view *v, nodes *n)
{
	size_t last_from = 0, last_to = 0;

	for (size_t i = 0; i < v->n_nodes; i++)
		n->slot[v->nodes[i]].at = i;
	for (size_t k = 0; k < v->n_edges; k++) {
		size_t from, to;
		gg_graph_edge(v->graph, v->edges[k], &from, &to);
		node_slot *target = &n->slot[to];
		from = n->slot[from].at;
		to = target->at;
		if (k && (from < last_from || (from == last_from && to < last_to)))
			return gg_i_error_set(GG_ERROR, "cannot write DOT: the graph's edges are "
					    "not in source, target order");
		if (from < target->first_pred)
			target->first_pred = from;
		last_from = from;
		last_to = to;
	}
	return 0;
}

/*
 * The body in agwrite's order: each node in view order, unless a node
 * before it links to it, then its out-edges (target order), each target
 * whose first predecessor it is written just before its first edge. Every
 * node is so written once, before any edge that names it.
 */
static int put_body(dot_stream *s, const gg_i_view *v, nodes *n)
{
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	int err = 0;

	for (size_t i = 0, k = 0; i < v->n_nodes && !err && !failed(s); i++) {
		/* SIZE_MAX: no predecessor */
		gg_i_progress_step(&v->options->progress, GG_STAGE_EXPORT, i, v->n_nodes, 0, 1);
		if (n->slot[v->nodes[i]].first_pred >= i)
			err = put_node(s, v, i, &nt, n);
		size_t previous = i;
		for (; k < v->n_edges && !err; k++) {
			size_t from, to;
			gg_graph_edge(v->graph, v->edges[k], &from, &to);
			if (n->slot[from].at != i)
				break;
			const node_slot *target = &n->slot[to];
			if (target->at != previous && target->at > i && target->first_pred == i) {
				err = put_node(s, v, target->at, &nt, n);
				previous = target->at;
			}
			if (!err)
				err = put_edge(s, v, k, &et, n);
		}
		flush(s, FLUSH_AT);
	}
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	return err;
}

/*
 * Write the view as agwrite writes its cgraph graph, byte for byte, with
 * every id and value quoted as agcanon quotes it (gg_i_dot_canon), without
 * graphviz: the header, the graph, node and edge defaults, the body, the end.
 */
int gg_i_write_dot(FILE *f, const gg_i_view *v)
{
	dot_stream s = { .f = f, .out = GG_BUF_INIT, .text = GG_BUF_INIT };
	nodes n;
	int err = nodes_init(&n, gg_graph_node_count(v->graph));

	if (!err)
		err = place_nodes(v, &n);
	if (err)
		goto cleanup;
	quote_names(&s);
	pen_widths_init(&s.pens);
	put(&s, "digraph ");
	put_canon(&s, "glossgraph");
	put(&s, " {\n");
	put_defaults(&s, "graph", graph_attributes,
		     sizeof(graph_attributes) / sizeof(graph_attributes[0]));
	put_defaults(&s, "node", node_attributes, NODE_COUNT);
	put_defaults(&s, "edge", edge_attributes, EDGE_COUNT);
	err = put_body(&s, v, &n);
	put(&s, "}\n");
	finish(&s);
	if (!err && (s.out.oom || s.text.oom))
		err = gg_i_error_oom();
	if (!err && s.write_errno)
		err = gg_i_error_set_errno(GG_EIO, s.write_errno, "cannot write the DOT");
cleanup:
	nodes_free(&n);
	gg_i_buf_free(&s.out);
	gg_i_buf_free(&s.text);
	return err;
}
