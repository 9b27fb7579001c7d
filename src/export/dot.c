/* dot.c - DOT through cgraph: synthetic node ids, the term as label, colour by community, size by centrality. */
#include "export/dot.h"
#include "core/error.h"

#include <math.h>
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
static void escape(gg_buf *out, const char *s, bool backslash, bool amp)
{
	for (; *s; s++) {
		if (*s == '\\' && backslash)
			gg_buf_puts(out, "\\\\");
		else if (*s == '&' && amp)
			gg_buf_puts(out, "&amp;");
		else
			gg_buf_putc(out, *s);
	}
}

/* Nodes, edges and their attributes, declared once. */
typedef struct symbols {
	Agsym_t *label, *tooltip, *fillcolor, *fontsize, *type, *aliases, *categories,
		*community, *pagerank, *betweenness, *size;
	Agsym_t *weight, *penwidth, *kind, *rule, *evidence, *edge_tooltip;
} symbols;

/* Declare a node attribute with its default; NULL when cgraph cannot. */
static Agsym_t *node_attr(Agraph_t *g, const char *name, const char *def)
{
	return agattr(g, AGNODE, GV(name), GV(def));
}

/* Declare an edge attribute with its default; NULL when cgraph cannot. */
static Agsym_t *edge_attr(Agraph_t *g, const char *name, const char *def)
{
	return agattr(g, AGEDGE, GV(name), GV(def));
}

/* Declare the graph's attributes and the drawing defaults; false when cgraph cannot. */
static bool declare(Agraph_t *g, symbols *s)
{
	agattr(g, AGRAPH, GV("outputorder"), GV("edgesfirst"));
	bool ok = node_attr(g, "style", "filled") && node_attr(g, "fontname", "Helvetica") &&
		  node_attr(g, "color", "#666666") && node_attr(g, "penwidth", "0.6") &&
		  edge_attr(g, "color", "#44444470") && edge_attr(g, "arrowsize", "0.6");
	s->label = node_attr(g, "label", "");
	s->tooltip = node_attr(g, "tooltip", "");
	s->fillcolor = node_attr(g, "fillcolor", "");
	s->fontsize = node_attr(g, "fontsize", "14");
	s->type = node_attr(g, "type", "");
	s->aliases = node_attr(g, "aliases", "");
	s->categories = node_attr(g, "categories", "");
	s->community = node_attr(g, "community", "");
	s->pagerank = node_attr(g, "pagerank", "");
	s->betweenness = node_attr(g, "betweenness", "");
	s->size = node_attr(g, "size", "");
	s->weight = edge_attr(g, "weight", "1");
	s->penwidth = edge_attr(g, "penwidth", "1");
	s->kind = edge_attr(g, "kind", "");
	s->rule = edge_attr(g, "rule", "");
	s->evidence = edge_attr(g, "evidence", "");
	s->edge_tooltip = edge_attr(g, "tooltip", "");
	return ok && s->label && s->tooltip && s->fillcolor && s->fontsize && s->type &&
	       s->aliases && s->categories && s->community && s->pagerank &&
	       s->betweenness && s->size && s->weight && s->penwidth && s->kind &&
	       s->rule && s->evidence && s->edge_tooltip;
}

/* Set attribute `sym` of obj to clean text, escaped for graphviz. */
static void set(void *obj, Agsym_t *sym, const char *text, bool amp, gg_buf *scratch)
{
	gg_buf_clear(scratch);
	escape(scratch, text, true, amp);
	if (!scratch->oom)
		agxset(obj, sym, GV(gg_i_str(scratch)));
}

void gg_i_dot_set(void *obj, const char *name, const char *text, gg_buf *scratch)
{
	gg_buf_clear(scratch);
	escape(scratch, text, true, true);
	if (!scratch->oom)
		agsafeset(obj, GV(name), GV(gg_i_str(scratch)), GV(""));
}

/* Set attribute `sym` of obj to a number as gg_i_number writes it. */
static void set_number(void *obj, Agsym_t *sym, double x)
{
	char num[GG_I_NUMBER_MAX];
	agxset(obj, sym, GV(gg_i_number(num, x)));
}

/* Font size from the display size (1 to 10): 10 to 28 points. */
static double font_size(double size)
{
	if (!(size >= 1))
		size = 1;
	return 8 + 2 * (size > 10 ? 10 : size);
}

/* Line width from the number of mentions: 0.6 for one, up to 4. */
static double pen_width(uint32_t weight)
{
	double w = 0.6 + 0.8 * log2(weight > 1 ? (double)weight : 1);
	return w > 4 ? 4 : w;
}

/* Add a node of the view, drawn with a dark border when it is the focus; *node gets it. */
static int add_node(Agraph_t *g, const symbols *s, const gg_i_node_text *t, bool is_focus,
		    bool named_by_term, gg_buf *scratch, Agnode_t **node)
{
	char hex[8], num[GG_I_NUMBER_MAX];

	gg_buf_clear(scratch);
	if (named_by_term)
		escape(scratch, gg_i_str(&t->label), false, true); /* a name is no escString */
	else
		gg_buf_printf(scratch, "n%zu", t->index);
	if (named_by_term && (!scratch->len || agnode(g, scratch->ptr, 0)))
		gg_buf_printf(scratch, " (n%zu)", t->index); /* two terms look alike once cleaned */
	if (scratch->oom)
		return gg_error_oom();
	Agnode_t *n = agnode(g, scratch->ptr, 1);
	if (!n)
		return gg_error_set(GG_ERROR, "graphviz cannot add node %zu", t->index);
	set(n, s->label, gg_i_str(&t->label), true, scratch);
	if (t->definition.len)
		set(n, s->tooltip, gg_i_str(&t->definition), true, scratch);
	gg_i_community_hex(t->node->community, hex);
	agxset(n, s->fillcolor, hex);
	set_number(n, s->fontsize, font_size(t->node->size));
	agxset(n, s->type, GV(gg_i_type_name(t->node->kind)));
	set(n, s->aliases, gg_i_str(&t->aliases), false, scratch);
	set(n, s->categories, gg_i_str(&t->categories), false, scratch);
	snprintf(num, sizeof(num), "%d", t->node->community);
	agxset(n, s->community, num);
	set_number(n, s->pagerank, t->node->pagerank);
	set_number(n, s->betweenness, t->node->betweenness);
	set_number(n, s->size, t->node->size);
	if (is_focus) {
		agsafeset(n, GV("penwidth"), GV("2.5"), GV("0.6"));
		agsafeset(n, GV("color"), GV("#000000"), GV("#666666"));
	}
	*node = n;
	return scratch->oom ? gg_error_oom() : 0;
}

static int add_edge(Agraph_t *g, const symbols *s, const gg_i_edge_text *t,
		    Agnode_t *from, Agnode_t *to, const gg_buf *from_label,
		    const gg_buf *to_label, gg_buf *scratch)
{
	char key[GG_I_NUMBER_MAX];
	const gg_edge *e = t->edge;

	snprintf(key, sizeof(key), "e%zu", t->index);
	Agedge_t *edge = agedge(g, from, to, key, 1);
	if (!edge)
		return gg_error_set(GG_ERROR, "graphviz cannot add edge %zu", t->index);
	snprintf(key, sizeof(key), "%u", (unsigned)e->weight);
	agxset(edge, s->weight, key);
	set_number(edge, s->penwidth, pen_width(e->weight));
	agxset(edge, s->kind, GV(gg_edge_kind_name(e->kind)));
	agxset(edge, s->rule, GV(gg_match_rule_name(e->rule)));
	set(edge, s->evidence, gg_i_str(&t->evidence), false, scratch);
	gg_buf tip = GG_BUF_INIT;
	gg_buf_printf(&tip, "%s \xE2\x86\x92 %s (%s, %u)", gg_i_str(from_label),
		      gg_i_str(to_label), gg_edge_kind_name(e->kind), (unsigned)e->weight);
	if (!tip.oom)
		set(edge, s->edge_tooltip, tip.ptr, true, scratch);
	bool oom = tip.oom || scratch->oom;
	gg_buf_free(&tip);
	return oom ? gg_error_oom() : 0;
}

int gg_i_dot_graph(Agraph_t **out, const gg_i_view *v, bool named_by_term)
{
	size_t n_graph = gg_graph_node_count(v->graph);
	Agnode_t **nodes = calloc(n_graph ? n_graph : 1, sizeof(*nodes));
	gg_buf *labels = calloc(n_graph ? n_graph : 1, sizeof(*labels));
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	gg_buf scratch = GG_BUF_INIT;
	symbols s;
	int err = 0;

	*out = NULL;
	Agraph_t *g = nodes && labels ? agopen(GV("glossgraph"), Agdirected, NULL) : NULL;
	if (!nodes || !labels) {
		err = gg_error_oom();
		goto cleanup;
	}
	if (!g || !declare(g, &s)) {
		err = gg_error_set(GG_ERROR, "graphviz cannot make a graph");
		goto cleanup;
	}
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = add_node(g, &s, &nt, v->has_focus && nt.index == v->focus_node,
				       named_by_term, &scratch, &nodes[nt.index]);
		if (!err) {
			gg_buf_puts(&labels[nt.index], gg_i_str(&nt.label));
			err = gg_buf_ok(&labels[nt.index]);
		}
	}
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			err = add_edge(g, &s, &et, nodes[et.from], nodes[et.to], &labels[et.from],
				       &labels[et.to], &scratch);
	}
cleanup:
	if (err && g)
		agclose(g);
	else
		*out = g;
	for (size_t i = 0; labels && i < n_graph; i++)
		gg_buf_free(&labels[i]);
	free(labels);
	free(nodes);
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	gg_buf_free(&scratch);
	return err;
}

/*
 * Build the cgraph graph of the view and let cgraph write it. The file asks
 * for sfdp: dot's own layout, which `dot -Tsvg` would otherwise run, takes
 * hours on a few thousand nodes. Graphviz's messages end up in the error.
 */
int gg_i_write_dot(FILE *f, const gg_i_view *v)
{
	Agraph_t *g;

	gg_i_gv_capture_begin();
	int err = gg_i_dot_graph(&g, v, false);
	if (!err) {
		/* drawn as is (dot -Tsvg), a big graph takes seconds, not hours */
		agattr(g, AGRAPH, GV("layout"), GV("sfdp"));
		agattr(g, AGRAPH, GV("overlap"), GV("prism"));
		agattr(g, AGRAPH, GV("splines"), GV("false"));
	}
	if (!err && agwrite(g, f) == EOF && !ferror(f))
		err = gg_error_set(GG_ERROR, "graphviz cannot write DOT: %s", gg_i_gv_messages());
	gg_i_gv_capture_end();
	if (g)
		agclose(g);
	return err;
}
