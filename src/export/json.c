/* json.c - the graph as JSON in the shapes users load: networkx node-link, graphology, cytoscape.js. */
#include "export/export.h"
#include "core/error.h"

#include <string.h>

/*
 * networkx:   {"directed": true, "multigraph": true, "graph": {},
 *              "nodes": [{"id", ATTRIBUTES}], "edges": [{"source", "target",
 *              "key", ATTRIBUTES}]}; networkx 3.4 and later read it with
 *              node_link_graph(d) as it is ("key" is the edge's kind, which
 *              tells apart two edges between the same concepts).
 * graphology: graphology's serialisation, which Gephi Lite opens and
 *              Graph.from(d) / graph.import(d) read: {"attributes", "options":
 *              {type directed, multi, self loops}, "nodes": [{"key",
 *              "attributes"}], "edges": [{"key", "source", "target",
 *              "attributes"}]}.
 * cytoscape:  cytoscape.js elements, for cytoscape({elements: d.elements}):
 *              {"elements": {"nodes": [{"data": {"id", ...}, "position":
 *              {"x", "y"}}], "edges": [{"data": {"id", "source", "target",
 *              ...}}]}}.
 * Node ATTRIBUTES are those of export.h, aliases and categories as arrays,
 * with label, x, y, size (radius) and color as sigma.js draws them; edge
 * ATTRIBUTES add size, the line width (1 to 5), to the raw weight. Node ids
 * are nI, edge ids eI (I: the graph's index).
 */

/* Write clean text (valid UTF-8, no control characters) as a JSON string:
 * the runs between quotes and backslashes one write each. */
static void string(FILE *f, const char *s)
{
	fputc('"', f);
	for (;;) {
		size_t run = strcspn(s, "\"\\");
		fwrite(s, 1, run, f);
		s += run;
		if (!*s)
			break;
		fputc('\\', f);
		fputc(*s++, f);
	}
	fputc('"', f);
}

/* , "key": (the key is plain text) */
static void key(FILE *f, const char *name)
{
	fputs(", \"", f);
	fputs(name, f);
	fputs("\": ", f);
}

/* , "key": "text" */
static void key_string(FILE *f, const char *name, const char *s)
{
	key(f, name);
	string(f, s);
}

/* , "key": number */
static void key_number(FILE *f, const char *name, double x)
{
	char num[GG_I_NUMBER_MAX];
	key(f, name);
	fputs(gg_i_number(num, x), f);
}

/* An array of the strings of a, then of b, each cleaned through `scratch`. */
static int key_array(FILE *f, const char *name, const char **a, size_t na,
		     const char **b, size_t nb, gg_i_buf *scratch)
{
	key(f, name);
	fputc('[', f);
	for (size_t i = 0; i < na + nb; i++) {
		gg_i_buf_clear(scratch);
		gg_i_clean(scratch, i < na ? a[i] : b[i - na]);
		if (scratch->oom)
			return gg_i_error_oom();
		fputs(i ? ", " : "", f);
		string(f, gg_i_str(scratch));
	}
	fputc(']', f);
	return 0;
}

/* A node's attributes after its first key (each written ", "key": value"),
 * x and y only when `with_position`. Returns 0 or GG_ENOMEM. */
static int node_attributes(FILE *f, const gg_i_node_text *t, bool with_position, gg_i_buf *scratch)
{
	const gg_concept *c = t->concept;
	const gg_node *n = t->node;

	key_string(f, "label", gg_i_str(&t->label));
	key_string(f, "name", gg_i_str(&t->name));
	key_string(f, "node_kind", gg_i_type_name(n->kind));
	int err = key_array(f, "aliases", c->aliases, c->n_aliases, c->abbrevs, c->n_abbrevs,
			    scratch);
	if (!err)
		err = key_array(f, "categories", c->categories, c->n_categories, NULL, 0, scratch);
	if (err)
		return err;
	fprintf(f, ", \"community\": %d", n->community);
	key_string(f, "community_name", gg_i_str(&t->community_name));
	key_number(f, "pagerank", n->pagerank);
	key_number(f, "betweenness", n->betweenness);
	fprintf(f, ", \"in_degree\": %u, \"out_degree\": %u", (unsigned)n->in_degree,
		(unsigned)n->out_degree);
	if (with_position) {
		key_number(f, "x", t->x);
		key_number(f, "y", t->y);
	}
	key_number(f, "size", t->size);
	key_string(f, "color", t->color);
	fprintf(f, ", \"r\": %u, \"g\": %u, \"b\": %u", t->r, t->g, t->b);
	key_string(f, "definition", gg_i_str(&t->definition));
	key_string(f, "summary", gg_i_str(&t->summary));
	return 0;
}

/* One node object in the shape asked for. Returns 0 or GG_ENOMEM. */
static int write_node(FILE *f, gg_i_json_shape shape, const gg_i_node_text *t, gg_i_buf *scratch)
{
	char num[GG_I_NUMBER_MAX];
	int err;

	switch (shape) {
	case GG_I_JSON_GRAPHOLOGY:
		fprintf(f, "    {\"key\": \"n%zu\", \"attributes\": {\"id\": \"n%zu\"", t->index,
			t->index);
		err = node_attributes(f, t, true, scratch);
		fputs("}}", f);
		return err;
	case GG_I_JSON_CYTOSCAPE:
		fprintf(f, "    {\"data\": {\"id\": \"n%zu\"", t->index);
		err = node_attributes(f, t, false, scratch);
		fprintf(f, "}, \"position\": {\"x\": %s", gg_i_number(num, t->x));
		fprintf(f, ", \"y\": %s}}", gg_i_number(num, t->y));
		return err;
	case GG_I_JSON_NETWORKX:
		break;
	}
	fprintf(f, "    {\"id\": \"n%zu\"", t->index);
	err = node_attributes(f, t, true, scratch);
	fputc('}', f);
	return err;
}

/* An edge's attributes after its first key. */
static void edge_attributes(FILE *f, const gg_i_edge_text *t, bool held)
{
	const gg_edge *e = t->edge;

	fprintf(f, ", \"weight\": %u", (unsigned)e->weight);
	key_number(f, "size", t->width);
	key_string(f, "kind", gg_edge_kind_name(e->kind));
	key_string(f, "rule", gg_match_rule_name(e->rule));
	key_string(f, "evidence", gg_i_str(&t->evidence));
	key_string(f, "surface", gg_i_str(&t->surface));
	key_number(f, "specificity", e->specificity);
	fprintf(f, ", \"cued\": %s", e->cued ? "true" : "false");
	key_number(f, "score", e->score);
	if (held)
		key_string(f, "held", gg_hold_reason_name(e->held));
}

/* One edge object in the shape asked for. */
static void write_edge(FILE *f, gg_i_json_shape shape, const gg_i_edge_text *t, bool held)
{
	switch (shape) {
	case GG_I_JSON_GRAPHOLOGY:
		fprintf(f, "    {\"key\": \"e%zu\", \"source\": \"n%zu\", \"target\": \"n%zu\", "
			"\"attributes\": {\"id\": \"e%zu\"", t->index, t->from, t->to, t->index);
		edge_attributes(f, t, held);
		fputs("}}", f);
		return;
	case GG_I_JSON_CYTOSCAPE:
		fprintf(f, "    {\"data\": {\"id\": \"e%zu\", \"source\": \"n%zu\", \"target\": "
			"\"n%zu\"", t->index, t->from, t->to);
		edge_attributes(f, t, held);
		fputs("}}", f);
		return;
	case GG_I_JSON_NETWORKX:
		break;
	}
	fprintf(f, "    {\"source\": \"n%zu\", \"target\": \"n%zu\", \"key\": \"%s\"",
		t->from, t->to, gg_edge_kind_name(t->edge->kind));
	edge_attributes(f, t, held);
	fputc('}', f);
}

/* What comes before the nodes, between nodes and edges, and after the edges. */
static const char *const opening[] = {
	[GG_I_JSON_NETWORKX] = "{\n  \"directed\": true,\n  \"multigraph\": true,\n"
			       "  \"graph\": {},\n  \"nodes\": [",
	[GG_I_JSON_GRAPHOLOGY] = "{\n  \"attributes\": {\"name\": \"glossgraph\"},\n"
				 "  \"options\": {\"type\": \"directed\", \"multi\": true, "
				 "\"allowSelfLoops\": true},\n  \"nodes\": [",
	[GG_I_JSON_CYTOSCAPE] = "{\n  \"elements\": {\n  \"nodes\": [",
};
static const char *const middle = "\n  ],\n  \"edges\": [";
static const char *const closing[] = {
	[GG_I_JSON_NETWORKX] = "\n  ]\n}\n",
	[GG_I_JSON_GRAPHOLOGY] = "\n  ]\n}\n",
	[GG_I_JSON_CYTOSCAPE] = "\n  ]\n  }\n}\n",
};

int gg_i_write_json(FILE *f, const gg_i_view *v, gg_i_json_shape shape)
{
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	gg_i_buf scratch = GG_BUF_INIT;
	int err = 0;

	fputs(opening[shape], f);
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = write_node(f, shape, &nt, &scratch);
	}
	fputs(middle, f);
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			write_edge(f, shape, &et, v->options->with_held);
	}
	fputs(closing[shape], f);
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	gg_i_buf_free(&scratch);
	return err;
}
