/* svg.c - a readable picture through graphviz: an sfdp overview of the most central terms, or a radial map around one term. */
#include "export/dot.h"
#include "core/error.h"

#include <graphviz/gvc.h>
#include <string.h>

/* graphviz 2.43 takes char * for strings it only reads: the casts live here and in dot.c. */
#define GV(s) ((char *)(s))

/* The engines a caller may ask for. */
static const char *const engines[] = { "sfdp", "neato", "dot", "fdp", "twopi", "circo" };

/* Whether graphviz has a layout of that name. */
static bool known_engine(const char *name)
{
	for (size_t i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
		if (strcmp(name, engines[i]) == 0)
			return true;
	return false;
}

/*
 * The one graphviz context of the process, made on first use and kept: the
 * pango plugin of graphviz 2.43 remembers a font name owned by the context
 * that measured it last, so freeing a context and making another one reads
 * freed memory.
 */
static GVC_t *context(void)
{
	static GVC_t *gvc;
	if (!gvc)
		gvc = gvContext();
	return gvc;
}

/* Set a graph attribute, declaring it when it is new. */
static void graph_attr(Agraph_t *g, const char *name, const char *value)
{
	agsafeset(g, GV(name), GV(value), GV(""));
}

/* Append clean text for an HTML-like label: &, <, > and " as entities. */
static void html_text(gg_i_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': gg_i_buf_puts(out, "&amp;"); break;
		case '<': gg_i_buf_puts(out, "&lt;"); break;
		case '>': gg_i_buf_puts(out, "&gt;"); break;
		case '"': gg_i_buf_puts(out, "&quot;"); break;
		default: gg_i_buf_putc(out, *s);
		}
	}
}

/* Most legend entries: one per colour of the palette. */
#define LEGEND_MAX 8

/*
 * The title, then a legend: a swatch of each community's colour with the
 * name of its most central term in the picture. As a graphviz HTML-like
 * table, so the swatches are real colours.
 */
static void title_and_legend(gg_i_buf *out, const gg_i_view *v)
{
	const gg_node *top[LEGEND_MAX] = { NULL };
	size_t total = gg_graph_node_count(v->graph);
	gg_i_buf text = GG_BUF_INIT;

	for (size_t i = 0; i < v->n_nodes; i++) {
		const gg_node *n = gg_graph_node(v->graph, v->nodes[i]);
		if (n->community >= 0 && n->community < LEGEND_MAX &&
		    (!top[n->community] || n->pagerank > top[n->community]->pagerank))
			top[n->community] = n;
	}
	if (v->has_focus) {
		gg_i_clean(&text, gg_graph_node(v->graph, v->focus_node)->name);
		gg_i_buf_printf(&text, ": %zu term%s within %u link%s", v->n_nodes,
			      v->n_nodes == 1 ? "" : "s", v->options->depth,
			      v->options->depth == 1 ? "" : "s");
	} else if (v->n_nodes < total) {
		gg_i_buf_printf(&text, "The %zu most central of %zu terms", v->n_nodes, total);
	} else {
		gg_i_buf_printf(&text, "%zu terms", total);
	}
	/* an overview is big: its title is too */
	gg_i_buf_printf(out, "<TABLE BORDER=\"0\" CELLSPACING=\"2\"><TR><TD>"
		      "<FONT POINT-SIZE=\"%d\">", v->has_focus ? 22 : 32);
	html_text(out, gg_i_str(&text));
	gg_i_buf_puts(out, "</FONT></TD></TR><TR><TD>size: PageRank; colour: community, named "
		    "after its most central term</TD></TR><TR><TD>");
	for (int c = 0; c < LEGEND_MAX; c++) {
		if (!top[c])
			continue;
		char hex[8];
		gg_i_community_hex(c, hex);
		gg_i_buf_clear(&text);
		gg_i_clean(&text, top[c]->name);
		/* a square in the community's colour, then the name */
		gg_i_buf_printf(out, "<FONT COLOR=\"%s\" POINT-SIZE=\"20\">&#9632;</FONT> ", hex);
		html_text(out, gg_i_str(&text));
		gg_i_buf_puts(out, "&#160;&#160;&#160; ");
	}
	gg_i_buf_puts(out, "</TD></TR></TABLE>");
	if (text.oom)
		out->oom = true;
	gg_i_buf_free(&text);
}

/* The largest drawing, in inches (graphviz's `size`: a bigger one is scaled
 * down, its viewBox kept): 1600 x 1000 pixels at 96 per inch. */
#define FIT_SIZE "16.67,10.42"

/*
 * Edges drawn curved around a focus up to this many; past it, straight.
 * graphviz routes curves in time that grows much faster than the edges
 * (0.3 s for 100 of a real glossary's edges, over a minute for 460), and a
 * crowd reads no better for them. Its spline router ("true") is not used:
 * it crashed on some real glossaries' neighbourhoods.
 */
#define CURVED_EDGES_MAX 150

/*
 * Settings that keep a picture legible: no overlapping labels, straight
 * lines in a crowd and curves around a small focus, a title and legend on top.
 */
static int style(Agraph_t *g, const gg_i_view *v, const char *engine)
{
	gg_i_buf label = GG_BUF_INIT;

	graph_attr(g, "bgcolor", "white");
	graph_attr(g, "pad", "0.4");
	graph_attr(g, "fontname", "Helvetica");
	graph_attr(g, "fontsize", v->has_focus ? "14" : "20");
	graph_attr(g, "labelloc", "t");
	graph_attr(g, "overlap", "prism");
	graph_attr(g, "sep", "+8");
	graph_attr(g, "splines", v->has_focus && v->n_edges <= CURVED_EDGES_MAX ? "curved" : "false");
	graph_attr(g, "size", FIT_SIZE);
	if (strcmp(engine, "dot") == 0) {
		graph_attr(g, "rankdir", "LR");
		graph_attr(g, "ranksep", "1.2");
	}
	title_and_legend(&label, v);
	if (label.oom) {
		gg_i_buf_free(&label);
		return gg_i_error_oom();
	}
	char *html = agstrdup_html(g, label.ptr);
	gg_i_buf_free(&label);
	if (!html)
		return gg_i_error_oom();
	agsafeset(g, GV("label"), html, GV(""));
	agstrfree(g, html);
	return 0;
}

int gg_i_write_svg(FILE *f, const gg_i_view *v)
{
	const gg_export_options *o = v->options;
	const char *engine = o->layout ? o->layout : v->has_focus ? "twopi" : "sfdp";
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	char *svg = NULL;
	unsigned int len = 0;
	bool laid_out = false;
	int err = 0;

	if (v->n_nodes > o->max_layout_nodes || v->n_edges > o->max_layout_edges)
		return gg_i_error_set(GG_ELIMIT, "a picture of %zu terms and %zu links is more than "
				    "a layout can take (at most %zu terms, %zu links): keep fewer "
				    "with --top N, or draw around one term with --focus TERM",
				    v->n_nodes, v->n_edges, o->max_layout_nodes, o->max_layout_edges);
	if (!known_engine(engine))
		return gg_i_error_set(GG_EINVAL, "unknown layout '%s' (sfdp, neato, dot, fdp, "
				    "twopi, circo)", engine);
	gg_i_gv_capture_begin();
	gvc = context();
	if (!gvc) {
		err = gg_i_error_set(GG_ERROR, "graphviz cannot start");
		goto cleanup;
	}
	if ((err = gg_i_dot_graph(&g, v)) != 0 || (err = style(g, v, engine)) != 0)
		goto cleanup;
	if (gvLayout(gvc, g, engine) != 0) {
		err = gg_i_error_set(GG_ERROR, "graphviz's %s layout failed: %s", engine,
				   gg_i_gv_messages());
		goto cleanup;
	}
	laid_out = true;
	if (gvRenderData(gvc, g, GV("svg"), &svg, &len) != 0 || !svg) {
		err = gg_i_error_set(GG_ERROR, "graphviz cannot render SVG: %s", gg_i_gv_messages());
		goto cleanup;
	}
	fwrite(svg, 1, len, f);
cleanup:
	if (svg)
		gvFreeRenderData(svg);
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	gg_i_gv_capture_end();
	return err;
}
